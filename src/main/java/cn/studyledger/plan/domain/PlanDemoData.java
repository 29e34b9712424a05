package cn.studyledger.plan.domain;

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

    private record Item(int month, SessionFormat format, String topic, String lead, String materials, boolean link) {}

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
        List<Item> items = List.of(
                new Item(
                        1,
                        SessionFormat.COLLECTIVE,
                        "学习二十届中央纪委四次全会精神",
                        "王建国",
                        "习近平总书记在二十届中央纪委四次全会上的重要讲话；《习近平关于全面从严治党论述摘编》",
                        true),
                new Item(2, SessionFormat.DISCUSSION, "深入贯彻中央八项规定精神学习教育专题研讨", "李明华", "中央八项规定及其实施细则", true),
                new Item(3, SessionFormat.COLLECTIVE, "传达学习全国两会精神", "王建国", "2025年政府工作报告", true),
                new Item(4, SessionFormat.LECTURE, "习近平生态文明思想专题辅导", "张伟", "《习近平生态文明思想学习纲要》；邀请专家作专题辅导", true),
                new Item(5, SessionFormat.ON_SITE, "赴红色教育基地开展现场教学", "刘芳", "革命先辈事迹材料", true),
                new Item(6, SessionFormat.WARNING, "警示教育：剖析系统内典型案例", "陈志强", "系统内违纪违法典型案例汇编", true),
                new Item(7, SessionFormat.DISCUSSION, "围绕“十四五”规划收官开展专题研讨", "杨丽", "“十四五”生态环境保护规划实施情况评估", true),
                // Planned as a visit to a monitoring station; held as a 读书班 instead, so it stays unexecuted.
                new Item(8, SessionFormat.ON_SITE, "赴生态环境监测站开展现场教学", "赵磊", "生态环境监测网络建设情况介绍", false),
                new Item(9, SessionFormat.COLLECTIVE, "学习《习近平谈治国理政》第五卷", "孙海燕", "《习近平谈治国理政》第五卷有关篇目", true),
                new Item(10, SessionFormat.COLLECTIVE, "传达学习党的二十届四中全会精神", "王建国", "全会公报及重要讲话", true),
                new Item(
                        11,
                        SessionFormat.DISCUSSION,
                        "学习“十五五”规划建议，研究本局发展思路",
                        "李明华",
                        "《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》",
                        true),
                new Item(12, SessionFormat.EXCHANGE, "年度理论学习经验交流", "周文斌", "班子成员年度学习体会", true));
        Map<String, Long> members = members(bureau, 2025);
        Map<Integer, List<Long>> sessionsByMonth = sessions.sessions(bureau.id(), 2025).stream()
                .collect(Collectors.groupingBy(
                        s -> s.date().getMonthValue(), Collectors.mapping(SessionSummary::id, Collectors.toList())));
        for (Item item : items) {
            Arrangement arrangement = plan.addArrangement(new AnnualPlan.Line(
                    null, item.month(), item.topic(), item.format(), members.get(item.lead()), item.materials()));
            if (item.link()) {
                arrangement.linkSessions(sessionsByMonth.getOrDefault(item.month(), List.of()));
            }
        }
        plan.submit(CLERK, LocalDateTime.of(2025, 1, 6, 10, 0));
        plan.approve(LEADER, LocalDateTime.of(2025, 1, 8, 16, 30), "同意。请认真组织实施，每次学习后及时登记落实情况。");
        return plan;
    }

    private AnnualPlan plan2026(OrgRef bureau) {
        AnnualPlan plan = new AnnualPlan(bureau.id(), 2026);
        plan.describeThemes(List.of("深入学习贯彻习近平新时代中国特色社会主义思想", "学习贯彻“十五五”规划纲要", "深入学习贯彻习近平生态文明思想"));
        Map<String, Long> members = members(bureau, 2026);
        plan.addArrangement(
                new AnnualPlan.Line(null, 1, "学习二十届中央纪委五次全会精神", SessionFormat.COLLECTIVE, members.get("王建国"), null));
        plan.addArrangement(new AnnualPlan.Line(
                null, 3, "传达学习全国两会精神", SessionFormat.COLLECTIVE, members.get("王建国"), "2026年政府工作报告"));
        plan.addArrangement(new AnnualPlan.Line(
                null, 4, "“十五五”生态环境保护规划专题辅导", SessionFormat.LECTURE, members.get("张伟"), "邀请专家作专题辅导"));
        plan.addArrangement(new AnnualPlan.Line(
                null, 12, "学习贯彻中央经济工作会议精神专题研讨", SessionFormat.DISCUSSION, members.get("李明华"), null));
        return plan;
    }

    private Map<String, Long> members(OrgRef bureau, int year) {
        return orgs.members(bureau.id(), year).stream()
                .collect(Collectors.toMap(GroupMember::name, GroupMember::personId, (a, b) -> a));
    }
}
