package cn.studyledger.rules.domain;

import static cn.studyledger.rules.domain.RuleChecks.held;
import static cn.studyledger.rules.domain.RuleChecks.session;

import cn.studyledger.figure.Evidence;
import cn.studyledger.firsttopic.FirstTopicItemSummary;
import cn.studyledger.report.Finding;
import cn.studyledger.rules.domain.RuleChecks.Check;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.SessionFacts;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules of the 第一议题: an item at every session, and studied soon after it is published. */
final class FirstTopicChecks {

    private FirstTopicChecks() {}

    static Optional<Finding> firstTopicPerSession(Check c) {
        List<SessionFacts> held = held(c.facts());
        List<SessionFacts> without = held.stream()
                .filter(s -> s.agenda().stream()
                                .filter(a -> a.kind() == AgendaKind.FIRST_TOPIC)
                                .count()
                        < c.int1())
                .toList();
        if (without.isEmpty()) {
            return Optional.empty();
        }
        String finding = "已举行的" + held.size() + "次集中学习中，" + without.size() + "次“第一议题”学习内容少于" + c.p1() + "项";
        String problem = "“第一议题”制度落实还不够严格，全年已举行的" + held.size() + "次集中学习中有" + without.size() + "次未按要求安排“第一议题”学习。";
        String next = "严格落实“第一议题”制度，每次集中学习都把学习习近平总书记最新重要讲话和重要指示批示精神作为第一议题，" + "做到第一时间学习、第一时间部署落实。";
        return c.found(
                finding,
                problem,
                next,
                without.stream()
                        .map(s -> session(
                                s,
                                "“第一议题”"
                                        + s.agenda().stream()
                                                .filter(a -> a.kind() == AgendaKind.FIRST_TOPIC)
                                                .count()
                                        + "项"))
                        .toList());
    }

    static Optional<Finding> firstTopicTimeliness(Check c) {
        RuleFacts f = c.facts();
        int days = c.int1();
        int late = 0;
        int notYet = 0;
        List<Evidence> evidence = new ArrayList<>();
        for (FirstTopicItemSummary item : f.firstTopicItems()) {
            String detail = null;
            if (item.firstStudiedOn() != null) {
                long lag = ChronoUnit.DAYS.between(item.publishedOn(), item.firstStudiedOn());
                if (lag > days) {
                    late++;
                    detail = "发布于" + item.publishedOn() + "，" + item.firstStudiedOn() + "首次学习，相隔" + lag + "天";
                }
            } else if (ChronoUnit.DAYS.between(item.publishedOn(), f.today()) > days) {
                notYet++;
                detail = "发布于" + item.publishedOn() + "，至今未组织学习";
            }
            if (detail != null) {
                evidence.add(new Evidence(
                        "第一议题", item.id(), item.publishedOn(), item.title(), detail, null, "/firsttopic/" + item.id()));
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (late > 0) {
            parts.add(late + "项超过" + days + "天才组织学习");
        }
        if (notYet > 0) {
            parts.add(notYet + "项发布超过" + days + "天仍未学习");
        }
        String finding = "本年度“第一议题”学习内容" + f.firstTopicItems().size() + "项，其中" + String.join("、", parts);
        String problem = "“第一议题”学习的及时性有待提高，本年度有" + evidence.size() + "项学习内容未能在发布后" + days + "天内组织学习。";
        String next = "建立“第一议题”学习内容台账，对新发布的重要讲话和重要指示批示精神在" + days + "天内安排集中学习，确保学习跟进及时。";
        return c.found(finding, problem, next, evidence);
    }
}
