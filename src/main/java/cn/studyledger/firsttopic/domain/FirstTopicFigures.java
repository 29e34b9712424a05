package cn.studyledger.firsttopic.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.firsttopic.FirstTopicItemSummary;
import cn.studyledger.firsttopic.TaskStatus;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.session.SessionSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first-topic figures: items studied in the year's held sessions (DESIGN.md §3 {@code firsttopic.items}), the
 * share of the year's follow-up tasks done on time, and the median lag from publication to first study.
 */
@Component
@Transactional(readOnly = true)
class FirstTopicFigures implements FigureProvider {

    static final String ITEMS = "firsttopic.items";
    static final String CLOSURE_RATE = "firsttopic.closureRate";
    static final String MEDIAN_LAG = "firsttopic.medianLagDays";

    private final TaskRepository tasks;
    private final StudyFacts facts;
    private final OrgApi orgs;

    FirstTopicFigures(TaskRepository tasks, StudyFacts facts, OrgApi orgs) {
        this.tasks = tasks;
        this.facts = facts;
        this.orgs = orgs;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                new FigureDefinition(ITEMS, "“第一议题”学习内容", "项", Kind.COUNT),
                new FigureDefinition(CLOSURE_RATE, "第一议题落实任务按期办结率", "%", Kind.RATE),
                // A median is neither a count, a sum nor a rate of its records; TEXT is the kind whose value is
                // taken from the records rather than counted from them.
                new FigureDefinition(MEDIAN_LAG, "“第一议题”学习时差中位数", "天", Kind.TEXT));
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        return compute(key, org, Period.of(year));
    }

    @Override
    public FigureResult compute(String key, OrgRef org, Period period) {
        return switch (key) {
            case ITEMS -> items(org, period);
            case CLOSURE_RATE -> closureRate(org, period);
            case MEDIAN_LAG -> medianLag(org, period);
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** Distinct items with at least one study in a held session of the organisation in the period. */
    private FigureResult items(OrgRef org, Period period) {
        Map<Long, SessionSummary> held = new LinkedHashMap<>(facts.heldSessions(org.id(), period.year()));
        held.values().removeIf(s -> !period.includes(s.date()));
        List<Evidence> evidence = new ArrayList<>();
        for (FirstTopicItem item : facts.studiedIn(org.id(), held.keySet())) {
            List<LocalDate> dates = item.studies().stream()
                    .map(s -> held.get(s.sessionId()))
                    .filter(s -> s != null)
                    .map(SessionSummary::date)
                    .sorted()
                    .toList();
            evidence.add(new Evidence(
                    "第一议题",
                    item.getId(),
                    item.publishedOn(),
                    item.title(),
                    item.source() + " · " + item.scope().label() + " · "
                            + (period.wholeYear() ? "本年度" : period.partLabel()) + "学习" + dates.size() + "次（首次 "
                            + dates.get(0) + "）",
                    null,
                    "/firsttopic/" + item.getId()));
        }
        return FigureResult.count(evidence);
    }

    /** Tasks done on or before their due date / tasks due in the period, cancelled ones left out. */
    private FigureResult closureRate(OrgRef org, Period period) {
        List<FollowUpTask> due = tasks
                .findByOrgIdAndTrackedDueOnBetweenOrderByTrackedDueOnAscIdAsc(org.id(), period.from(), period.to())
                .stream()
                .filter(t -> t.status() != TaskStatus.CANCELLED)
                .toList();
        Map<Long, PersonRef> owners =
                orgs.people(due.stream().map(FollowUpTask::ownerPersonId).collect(Collectors.toSet()));
        List<Evidence> onTime = new ArrayList<>();
        List<Evidence> notOnTime = new ArrayList<>();
        for (FollowUpTask t : due) {
            PersonRef owner = owners.get(t.ownerPersonId());
            String who = (owner == null ? "#" + t.ownerPersonId() : owner.name()) + " · 时限 " + t.dueOn() + "，";
            boolean inTime = t.isDoneOnTime();
            (inTime ? onTime : notOnTime)
                    .add(new Evidence(
                                    "落实任务",
                                    t.getId(),
                                    inTime ? t.doneOn() : t.dueOn(),
                                    t.title(),
                                    who + (t.doneOn() == null ? "未办结" : t.doneOn() + " 办结"),
                                    null,
                                    "/firsttopic/tasks/" + t.getId())
                            .about(t.ownerPersonId()));
        }
        return FigureResult.rate(onTime, notOnTime);
    }

    /**
     * The median of the lags of the items whose first held study fell in the year (an item studied again in a
     * later year keeps the lag of its first study and counts in that year only); no items, no value.
     */
    private FigureResult medianLag(OrgRef org, Period period) {
        List<Evidence> evidence = new ArrayList<>();
        List<Long> lags = new ArrayList<>();
        for (FirstTopicItemSummary item : facts.firstStudiedIn(org.id(), period.year())) {
            if (!period.includes(item.firstStudiedOn())) {
                continue;
            }
            long lag = StudyLag.days(item.publishedOn(), item.firstStudiedOn());
            lags.add(lag);
            evidence.add(new Evidence(
                    "第一议题",
                    item.id(),
                    item.firstStudiedOn(),
                    item.title(),
                    "发布于 " + item.publishedOn() + "，首次学习 " + item.firstStudiedOn() + "，时差 " + lag + " 天"
                            + (lag > StudyLag.LIMIT_DAYS ? "（超过" + StudyLag.LIMIT_DAYS + "天）" : ""),
                    BigDecimal.valueOf(lag),
                    "/firsttopic/" + item.id()));
        }
        return new FigureResult(StudyLag.median(lags), null, null, List.copyOf(evidence));
    }
}
