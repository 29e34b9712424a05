package cn.studyledger.rules.domain;

import static cn.studyledger.rules.domain.RuleChecks.ADOPTED;
import static cn.studyledger.rules.domain.RuleChecks.RECOMMENDATIONS;
import static cn.studyledger.rules.domain.RuleChecks.num;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.Finding;
import cn.studyledger.rules.domain.RuleChecks.Check;
import cn.studyledger.supervision.VisitSummary;
import cn.studyledger.tracking.OverdueItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The rules on what follows the study: visits to the subordinate units, their summaries in time, nothing overdue, recommendations adopted. */
final class FollowThroughChecks {

    private FollowThroughChecks() {}

    static Optional<Finding> unitsVisited(Check c) {
        RuleFacts f = c.facts();
        if (!f.yearOver() || f.units().isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (OrgRef unit : f.units()) {
            List<VisitSummary> its =
                    f.visits().stream().filter(v -> v.unitOrgId() == unit.id()).toList();
            long completed = its.stream().filter(v -> v.stage().isCompleted()).count();
            if (completed >= c.int1()) {
                continue;
            }
            names.add(unit.name());
            String planned = its.isEmpty()
                    ? "未安排旁听"
                    : "已安排" + its.size() + "场，"
                            + its.stream()
                                    .map(v -> v.plannedOn() + v.stage().label())
                                    .collect(Collectors.joining("、"));
            evidence.add(new Evidence(
                    "下属单位",
                    unit.id(),
                    its.isEmpty() ? null : its.get(0).plannedOn(),
                    unit.name() + "（" + unit.code() + "）",
                    "全年完成列席旁听" + completed + "场；" + planned,
                    null,
                    its.isEmpty()
                            ? "/supervision?unit=" + unit.code()
                            : "/supervision/visits/" + its.get(0).id()));
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        String joined = String.join("、", names);
        String finding = "下属单位" + f.units().size() + "个，" + evidence.size() + "个全年完成列席旁听少于" + c.p1() + "次：" + joined;
        String problem = "对下级党组织中心组学习的督促指导还不够有力，列席旁听尚未实现全覆盖，" + joined + "全年"
                + (c.int1() == 1 ? "未完成列席旁听" : "完成列席旁听少于" + c.p1() + "次") + "。";
        String next = "制定年度列席旁听计划，对所属单位中心组学习每年至少列席旁听" + c.p1() + "次，实现全覆盖，并加强旁听后的跟踪指导。";
        return c.found(finding, problem, next, evidence);
    }

    static Optional<Finding> visitSummaryInTime(Check c) {
        List<VisitSummary> late =
                c.facts().visits().stream().filter(VisitSummary::summaryLate).toList();
        if (late.isEmpty()) {
            return Optional.empty();
        }
        String finding = late.size() + "场列席旁听小结未在规定期限内完成";
        String problem = "列席旁听的反馈还不够及时，" + late.size() + "场列席旁听的小结未在旁听后" + c.p1() + "个工作日内形成。";
        String next = "旁听结束后在" + c.p1() + "个工作日内形成小结并反馈被旁听单位，提出具体改进意见。";
        return c.found(
                finding,
                problem,
                next,
                late.stream()
                        .map(v -> new Evidence(
                                "列席旁听",
                                v.id(),
                                v.plannedOn(),
                                v.unitName() + "：" + v.sessionTitle(),
                                v.stage().label() + " · 小结逾期",
                                null,
                                "/supervision/visits/" + v.id()))
                        .toList());
    }

    static Optional<Finding> nothingOverdue(Check c) {
        RuleFacts f = c.facts();
        LocalDate end = LocalDate.of(f.year(), 12, 31);
        List<OverdueItem> overdue = f.overdue().stream()
                .filter(i -> !i.dueOn().isAfter(end))
                .sorted(Comparator.comparing(OverdueItem::dueOn))
                .toList();
        if (overdue.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> byKind = overdue.stream()
                .collect(Collectors.groupingBy(OverdueItem::kindLabel, LinkedHashMap::new, Collectors.counting()));
        String kinds = byKind.entrySet().stream()
                .map(e -> e.getKey() + e.getValue() + "项")
                .collect(Collectors.joining("、"));
        String finding = "逾期未完成事项" + overdue.size() + "项：" + kinds;
        String problem = "学习成果的跟踪落实还不够有力，" + kinds + "逾期未完成，闭环管理有待加强。";
        String next = "对学习部署的落实任务和旁听整改事项实行台账管理，明确责任人和完成时限，定期督办销号，确保件件有着落、事事有回音。";
        return c.found(
                finding,
                problem,
                next,
                overdue.stream()
                        .map(i -> new Evidence(
                                i.kindLabel(),
                                i.id(),
                                i.dueOn(),
                                i.title(),
                                "责任人：" + i.ownerName() + " · 时限" + i.dueOn() + " · 已逾期" + i.daysOverdue() + "天",
                                null,
                                i.url()))
                        .toList());
    }

    static Optional<Finding> adoptionRate(Check c) {
        RuleFacts f = c.facts();
        List<Evidence> recommendations = f.figure(RECOMMENDATIONS).evidence();
        long proposed = recommendations.size();
        if (proposed == 0) {
            return Optional.empty();
        }
        long adopted = f.figure(ADOPTED).evidence().size();
        BigDecimal rate = FigureResult.percent(adopted, proposed);
        if (rate.compareTo(c.param1()) >= 0) {
            return Optional.empty();
        }
        String finding = "对策建议" + proposed + "条，采纳" + adopted + "条，采纳率" + num(rate) + "%";
        String problem = "学用转化机制还不够健全，全年围绕课题研讨提出对策建议" + proposed + "条、转化采纳" + adopted + "条，采纳率为" + num(rate) + "%，低于"
                + c.p1() + "%的要求，一定程度上存在“学用两张皮”现象。";
        String next = "健全学习成果转化机制，对课题研讨形成的对策建议逐条明确责任部门和转化时限、跟踪督办落实，力争采纳率不低于" + c.p1() + "%，推动学习成果转化为推动发展的实际成效。";
        return c.found(finding, problem, next, recommendations);
    }
}
