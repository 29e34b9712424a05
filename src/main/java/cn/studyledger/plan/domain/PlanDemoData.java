package cn.studyledger.plan.domain;

import cn.studyledger.common.demo.DemoRow;
import cn.studyledger.common.demo.DemoTable;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionSummary;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo plans of X局: the 2025 plan approved by the 组长 on 2025-01-08, its twelve arrangements linked to the
 * sessions that carried them out except August's 现场教学 (replaced by a 读书班), so the execution rate is below
 * 100 %; and a 2026 plan still in draft.
 */
@Component
@Profile("demo")
@Order(40)
class PlanDemoData implements ApplicationRunner {

    private static final AnnualPlan.Actor CLERK = new AnnualPlan.Actor("clerk", "吴晓东");
    private static final AnnualPlan.Actor LEADER = new AnnualPlan.Actor("leader", "王建国");

    private final PlanRepository plans;
    private final OrgApi orgs;
    private final SessionApi sessions;

    PlanDemoData(PlanRepository plans, OrgApi orgs, SessionApi sessions) {
        this.plans = plans;
        this.orgs = orgs;
        this.sessions = sessions;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null || plans.countByOrgId(bureau.id()) > 0) {
            return;
        }
        plans.save(plan2025(bureau));
        plans.save(plan2026(bureau));
    }

    private AnnualPlan plan2025(OrgRef bureau) {
        AnnualPlan plan = new AnnualPlan(bureau.id(), 2025);
        plan.describeThemes(List.of(
                "深入学习贯彻习近平新时代中国特色社会主义思想",
                "学习贯彻党的二十届三中、四中全会精神",
                "深入学习贯彻习近平生态文明思想，建设美丽中国",
                "深入贯彻中央八项规定精神，推进全面从严治党",
                "谋划“十五五”发展，推动生态环境保护高质量发展"));
        arrange(plan, bureau);
        plan.submit(CLERK, LocalDateTime.of(2025, 1, 6, 10, 0));
        plan.approve(LEADER, LocalDateTime.of(2025, 1, 8, 16, 30), "同意。请认真组织实施，每次学习后及时登记落实情况。");
        return plan;
    }

    private AnnualPlan plan2026(OrgRef bureau) {
        AnnualPlan plan = new AnnualPlan(bureau.id(), 2026);
        plan.describeThemes(List.of("深入学习贯彻习近平新时代中国特色社会主义思想", "学习贯彻“十五五”规划纲要", "深入学习贯彻习近平生态文明思想"));
        arrange(plan, bureau);
        return plan;
    }

    /** The plan's arrangements from the table of all years; a linked one is carried out by its month's sessions. */
    private void arrange(AnnualPlan plan, OrgRef bureau) {
        int year = plan.year();
        Map<String, Long> members = members(bureau, year);
        Map<Integer, List<Long>> sessionsByMonth = sessions.sessions(bureau.id(), year).stream()
                .collect(Collectors.groupingBy(
                        s -> s.date().getMonthValue(), Collectors.mapping(SessionSummary::id, Collectors.toList())));
        for (DemoRow row : DemoTable.read("plan/arrangements.txt")) {
            if (row.number("year") != year) {
                continue;
            }
            int month = row.number("month");
            Arrangement arrangement = plan.addArrangement(new AnnualPlan.Line(
                    null,
                    month,
                    row.text("topic"),
                    row.kind("format", SessionFormat.class),
                    members.get(row.text("lead")),
                    row.text("materials")));
            if (row.flag("linked")) {
                arrangement.linkSessions(sessionsByMonth.getOrDefault(month, List.of()));
            }
        }
    }

    private Map<String, Long> members(OrgRef bureau, int year) {
        return orgs.members(bureau.id(), year).stream()
                .collect(Collectors.toMap(GroupMember::name, GroupMember::personId, (a, b) -> a));
    }
}
