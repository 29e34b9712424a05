package cn.studyledger.rules.domain;

import static cn.studyledger.rules.domain.RuleChecks.day;
import static cn.studyledger.rules.domain.RuleChecks.held;
import static cn.studyledger.rules.domain.RuleChecks.session;

import cn.studyledger.figure.Evidence;
import cn.studyledger.report.Finding;
import cn.studyledger.rules.domain.RuleChecks.Check;
import cn.studyledger.session.SessionFacts;
import cn.studyledger.session.StudyPlanStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The rules on plans: the year's plan approved before the first session, each session's 学习方案 approved. */
final class PlanChecks {

    private PlanChecks() {}

    static Optional<Finding> planApprovedFirst(Check c) {
        RuleFacts f = c.facts();
        Optional<SessionFacts> first = held(f).stream().min(Comparator.comparing(SessionFacts::date));
        if (first.isEmpty()) {
            return Optional.empty();
        }
        LocalDate approved = f.planFirstApprovedOn();
        if (approved != null && !approved.isAfter(first.get().date())) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        if (f.plan() != null) {
            evidence.add(new Evidence(
                    "年度学习计划",
                    f.plan().id(),
                    approved,
                    f.year() + "年度学习计划",
                    approved == null ? f.plan().status().label() : "批准于" + approved,
                    null,
                    "/plans/" + f.plan().id()));
        }
        evidence.add(session(first.get(), "首次集中学习"));
        String finding = approved == null
                ? "年度学习计划未经组长审批，首次集中学习已于" + first.get().date() + "举行"
                : "年度学习计划于" + approved + "批准，晚于首次集中学习（" + first.get().date() + "）";
        String problem = approved == null
                ? "年度学习计划的审批把关不够严格，" + f.year() + "年度学习计划未经组长审批即开展集中学习。"
                : "年度学习计划审批不够及时，" + f.year() + "年度学习计划于" + day(approved) + "经组长批准，晚于首次集中学习。";
        String next = "每年年初及时制定年度学习计划并报组长审批，做到先审批、后实施，发挥计划的统筹引领作用。";
        return c.found(finding, problem, next, evidence);
    }

    static Optional<Finding> studyPlanApproved(Check c) {
        List<SessionFacts> held = held(c.facts());
        List<SessionFacts> unapproved = held.stream()
                .filter(s -> s.studyPlanStatus() != StudyPlanStatus.APPROVED)
                .toList();
        if (unapproved.isEmpty()) {
            return Optional.empty();
        }
        String finding = "已举行的" + held.size() + "次集中学习中，" + unapproved.size() + "次学习方案未经组长审批";
        String problem = "学习方案审批把关还需加强，全年有" + unapproved.size() + "次集中学习的学习方案未经组长审批，学习内容和研讨安排的统筹不够。";
        String next = "每次集中学习前制定学习方案并报组长审批，严把学习内容、重点发言和研讨安排关口。";
        return c.found(
                finding,
                problem,
                next,
                unapproved.stream()
                        .map(s -> session(s, "学习方案：" + s.studyPlanStatus().label()))
                        .toList());
    }
}
