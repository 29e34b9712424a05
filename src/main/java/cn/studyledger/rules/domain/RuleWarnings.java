package cn.studyledger.rules.domain;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.todo.Todo;
import cn.studyledger.common.todo.TodoSource;
import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureApi;
import cn.studyledger.firsttopic.FirstTopicApi;
import cn.studyledger.firsttopic.FirstTopicItemSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The compliance rules' early warnings on the work list, before a rule is broken: a quarter nearing its end with
 * fewer collective sessions held than the rule asks (「第三季度尚未开展集体学习，距季末还有12天」), and 第一议题 items
 * published long enough ago that the timeliness limit is near (「2项第一议题发布已超过20天尚未学习」) or passed. The
 * thresholds are the organisation's rule table of the year (the defaults where it has none yet; reading never
 * creates one); how early to warn is {@code ledger.todo.*}.
 */
@Component
class RuleWarnings implements TodoSource {

    private final RuleSettingRepository settings;
    private final FigureApi figures;
    private final FirstTopicApi firstTopic;
    private final int quarterWarnDays;
    private final int firstTopicWarnDays;

    RuleWarnings(
            RuleSettingRepository settings,
            FigureApi figures,
            FirstTopicApi firstTopic,
            @Value("${ledger.todo.quarter-warn-days:30}") int quarterWarnDays,
            @Value("${ledger.todo.first-topic-warn-days:10}") int firstTopicWarnDays) {
        this.settings = settings;
        this.figures = figures;
        this.firstTopic = firstTopic;
        this.quarterWarnDays = quarterWarnDays;
        this.firstTopicWarnDays = firstTopicWarnDays;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Todo> todos(TodoQuestion q) {
        if (!CurrentUser.holdsAny(Permissions.SESSION_EDIT) || !CurrentUser.holdsAny(Permissions.FIGURE_VIEW)) {
            return List.of();
        }
        List<RuleSetting> table =
                settings.findByOrgIdAndYear(q.orgId(), q.today().getYear());
        List<Todo> todos = new ArrayList<>();
        quarter(q, setting(table, q, RuleDefinition.SESSION_COUNT)).ifPresent(todos::add);
        todos.addAll(firstTopic(q, setting(table, q, RuleDefinition.FIRST_TOPIC_TIMELINESS)));
        return todos;
    }

    /** The organisation's setting of the rule this year, or the rule's default where its table has none yet. */
    private static RuleSetting setting(List<RuleSetting> table, TodoQuestion q, RuleDefinition rule) {
        return table.stream()
                .filter(s -> s.key().equals(rule.key()))
                .findFirst()
                .orElseGet(() -> new RuleSetting(q.orgId(), q.today().getYear(), rule));
    }

    private java.util.Optional<Todo> quarter(TodoQuestion q, RuleSetting rule) {
        LocalDate today = q.today();
        int quarter = today.get(IsoFields.QUARTER_OF_YEAR);
        LocalDate start = today.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate end = start.plusMonths(3).minusDays(1);
        long left = ChronoUnit.DAYS.between(today, end);
        int needed = intOf(rule.param2());
        if (!rule.enabled() || needed == 0 || left > quarterWarnDays) {
            return java.util.Optional.empty();
        }
        List<Evidence> held = figures.figure(q.orgCode(), today.getYear(), RuleChecks.HELD)
                .result()
                .evidence();
        long n = held.stream()
                .filter(e -> e.date() != null
                        && !e.date().isBefore(start)
                        && !e.date().isAfter(end))
                .count();
        if (n >= needed) {
            return java.util.Optional.empty();
        }
        String title = SessionChecks.QUARTERS[quarter - 1]
                + (n == 0 ? "尚未开展集体学习" : "已举行集体学习" + n + "次，少于每季度" + needed + "次")
                + "，距季末还有" + left + "天";
        return java.util.Optional.of(Todo.of(
                "rule.sessionsPerQuarter", title, needed - n, end, today, "/sessions", q.orgCode(), today.getYear()));
    }

    private List<Todo> firstTopic(TodoQuestion q, RuleSetting rule) {
        if (!rule.enabled()) {
            return List.of();
        }
        LocalDate today = q.today();
        int limit = intOf(rule.param1());
        int warnAfter = Math.max(0, limit - firstTopicWarnDays);
        long near = 0;
        long passed = 0;
        LocalDate earliestDue = null;
        for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
            for (FirstTopicItemSummary item : firstTopic.itemsPublishedIn(q.orgId(), year)) {
                if (item.firstStudiedOn() != null || item.publishedOn().isAfter(today)) {
                    continue;
                }
                long since = ChronoUnit.DAYS.between(item.publishedOn(), today);
                LocalDate due = item.publishedOn().plusDays(limit);
                if (since > limit) {
                    passed++;
                } else if (since > warnAfter) {
                    near++;
                    earliestDue = earliestDue == null || due.isBefore(earliestDue) ? due : earliestDue;
                }
            }
        }
        List<Todo> todos = new ArrayList<>();
        if (near > 0) {
            todos.add(firstTopicTodo(
                    "rule.firstTopicTimeliness", near + "项第一议题发布已超过" + warnAfter + "天尚未学习", near, earliestDue, q));
        }
        if (passed > 0) {
            todos.add(firstTopicTodo("rule.firstTopicLate", passed + "项第一议题发布已超过" + limit + "天仍未学习", passed, null, q));
        }
        return todos;
    }

    /** Near the limit it is a warning; past it (no due date left) the rule is broken, and the item overdue. */
    private static Todo firstTopicTodo(String kind, String title, long count, LocalDate due, TodoQuestion q) {
        return new Todo(kind, title, count, due, due == null, "/firsttopic", q.orgCode(), null);
    }

    private static int intOf(BigDecimal value) {
        return value == null ? 0 : value.intValue();
    }
}
