package cn.studyledger.supervision.domain;

import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.supervision.MaterialKind;
import cn.studyledger.tracking.WorkingCalendar;
import cn.studyledger.tracking.WorkingDays;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo year of supervision: X局's 2025 plan visits all six units; five visits are completed (two closed, three
 * summarised, one of them with its 小结 late), XJ-06's is still waiting for materials past their deadline, so
 * coverage is 5/6. Rectification items: closed, cancelled, awaiting closure and one overdue. The default criteria.
 */
@Component
@Profile("demo")
@Order(80)
class SupervisionDemoData implements ApplicationRunner {

    private final VisitRepository visits;
    private final RectificationRepository items;
    private final CriteriaService criteria;
    private final WorkingCalendar calendar;
    private final FileStore files;
    private final OrgApi orgs;

    SupervisionDemoData(
            VisitRepository visits,
            RectificationRepository items,
            CriteriaService criteria,
            WorkingCalendar calendar,
            FileStore files,
            OrgApi orgs) {
        this.visits = visits;
        this.items = items;
        this.criteria = criteria;
        this.calendar = calendar;
        this.files = files;
        this.orgs = orgs;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null || visits.countBySuperiorOrgId(bureau.id()) > 0) {
            return;
        }
        criteria.seedDefaults(bureau.id(), 2025);
        Map<String, Long> people = orgs.activePeople(bureau.id()).stream()
                .collect(Collectors.toMap(PersonRef::name, PersonRef::id, (a, b) -> a));
        Set<Long> groupOne = group(people, "张伟", "孙海燕");
        Set<Long> groupTwo = group(people, "刘芳", "周文斌");
        Set<Long> groupThree = group(people, "陈志强", "赵磊");
        WorkingDays days = calendar.current();

        // XJ-01: the whole way through, closed
        SupervisionVisit first = planned(bureau, "XJ-01", "2025-04-10", "学习贯彻全国两会精神", "监测中心三楼会议室", groupOne);
        submit(first, "2025-03-28", days, "围绕全国两会精神开展集体学习，安排3名班子成员重点发言，结合生态监测“十五五”谋划开展研讨。");
        first.approve("方案主题明确，发言安排合理，同意按方案组织学习。", date("2025-03-31"), "张伟");
        first.observe(
                "学习准备充分，主持人领学到位，3名班子成员结合分管工作重点发言；研讨中对监测数据质量管理提出了具体举措。学习记录较为完整。",
                ratings(90, 92, 88, 95, 85),
                date("2025-04-10"));
        first.summarise(
                "学习组织规范，方案审核、领学、研讨环节完整，班子成员参学积极。",
                "把两会精神与监测能力建设结合，研讨形成4条改进举措，学用结合较好。",
                "学习记录对研讨发言的记载偏简略，学习档案整理不够及时。",
                date("2025-04-18"),
                days.after(date("2025-04-10"), SupervisionVisit.SUMMARY_WITHIN_WORKING_DAYS));
        visits.save(first);
        RectificationItem records =
                item(first, "规范中心组学习记录，完善学习档案", unitPerson("XJ-01", "办公室主任"), "2025-06-30", "2025-04-18");
        records.complete("已修订学习记录模板，补齐上半年学习档案，并明确专人负责归档。", null, date("2025-06-20"), date("2025-06-20"));
        records.close(date("2025-06-25"), "张伟");
        items.save(records);
        first.close(true, date("2025-06-25"));

        // XJ-02: closed with one item done and one cancelled
        SupervisionVisit second = planned(bureau, "XJ-02", "2025-05-22", "深入贯彻中央八项规定精神学习教育专题研讨", "执法总队会议室", groupTwo);
        submit(second, "2025-05-09", days, "以专题研讨形式学习中央八项规定精神，班子成员对照检视作风方面问题，交流执法一线作风建设体会。");
        second.approve("同意。研讨中请结合执法检查中发现的作风问题深入查摆。", date("2025-05-12"), "刘芳");
        second.observe("研讨气氛较好，发言坦诚；部分发言联系执法工作实际不够紧密，以谈认识为主。", ratings(85, 88, 80, 92, 78), date("2025-05-22"));
        second.summarise(
                "专题研讨准备较充分，班子成员均作发言，对照检视较为深入。",
                "邀请执法一线青年干部列席并交流发言，学习与作风建设结合紧密。",
                "个别发言联系执法工作实际不够，学习成果转化举措不够具体。",
                date("2025-05-30"),
                days.after(date("2025-05-22"), SupervisionVisit.SUMMARY_WITHIN_WORKING_DAYS));
        visits.save(second);
        RectificationItem speeches =
                item(second, "完善重点发言审核机制，发言须联系分管工作实际", unitPerson("XJ-02", "办公室主任"), "2025-07-31", "2025-05-30");
        speeches.complete("制定重点发言提纲审核办法，发言提纲会前由党委书记审阅。", null, date("2025-07-10"), date("2025-07-10"));
        speeches.close(date("2025-07-15"), "刘芳");
        items.save(speeches);
        RectificationItem ledger = item(second, "建立学习成果转化台账", unitPerson("XJ-02", "副主任"), "2025-08-31", "2025-05-30");
        ledger.cancel("并入单位年度学习计划中的学用转化任务统一推进", date("2025-07-15"));
        items.save(ledger);
        second.close(true, date("2025-07-15"));

        // XJ-03: returned once, summarised, one item closed and one overdue
        SupervisionVisit third = planned(bureau, "XJ-03", "2025-06-19", "深入学习习近平生态文明思想", "规划院报告厅", groupOne);
        submit(third, "2025-06-06", days, "集中学习习近平生态文明思想，安排专题辅导。");
        third.returnForRevision("学习方案未明确重点发言人员和研讨题目，请补充后重新报送。", date("2025-06-09"), "孙海燕");
        submit(third, "2025-06-10", days, "集中学习习近平生态文明思想：院党委书记领学，3名班子成员围绕“规划引领美丽中国建设”重点发言，设研讨题目2个。");
        third.approve(null, date("2025-06-11"), "孙海燕");
        third.observe("领学和重点发言质量较高；研讨环节时间偏短，对规划编制中的难点问题讨论不够深入。", ratings(78, 85, 80, 90, 75), date("2025-06-19"));
        third.summarise(
                "学习主题鲜明，理论学习较为系统，整体效果良好。",
                "结合规划编制业务设置研讨题目，专家型干部发言有深度。",
                "研讨时间偏短，学用转化清单尚未建立，会前方案报送不够完整。",
                date("2025-06-27"),
                days.after(date("2025-06-19"), SupervisionVisit.SUMMARY_WITHIN_WORKING_DAYS));
        visits.save(third);
        items.save(item(third, "制定学习成果转化清单，推动研讨成果运用到规划编制中", unitPerson("XJ-03", "主任"), "2025-09-30", "2025-06-27"));
        RectificationItem backlog =
                item(third, "补齐2025年上半年中心组学习记录", unitPerson("XJ-03", "办公室主任"), "2025-07-31", "2025-06-27");
        backlog.complete("已补齐上半年4次集体学习的记录和签到表。", null, date("2025-07-20"), date("2025-07-20"));
        backlog.close(date("2025-07-25"), "孙海燕");
        items.save(backlog);

        // XJ-04: summarised after its due date (flagged), one item reported done and awaiting closure
        SupervisionVisit fourth =
                planned(bureau, "XJ-04", "2025-09-11", "学习《中国共产党党委（党组）理论学习中心组学习规则》", "信息中心会议室", groupThree);
        submit(fourth, "2025-08-29", days, "逐条学习新修订的中心组学习规则，对照规则查找本单位中心组学习的差距。");
        fourth.approve("同意。请会前印发规则原文。", date("2025-09-01"), "陈志强");
        fourth.observe("对照规则逐条学习，查摆差距5条；线上学习平台使用情况通报不够具体。", ratings(88, 86, 84, 90, 82), date("2025-09-11"));
        fourth.summarise(
                "学习规则理解到位，对照查摆认真，整改思路清晰。",
                "结合信息化优势，利用学习平台推送学习资料。",
                "线上学习平台使用率偏低，部分党员学习积分长期为零。",
                date("2025-09-30"),
                days.after(date("2025-09-11"), SupervisionVisit.SUMMARY_WITHIN_WORKING_DAYS));
        visits.save(fourth);
        RectificationItem online =
                item(fourth, "开展线上学习专项推进，提升学习平台使用率", unitPerson("XJ-04", "副主任"), "2025-11-30", "2025-09-30");
        online.complete("组织线上学习专项推进，11月平台参学率提升至96%。", null, date("2025-11-20"), date("2025-11-20"));
        items.save(online);

        // XJ-05: closed without rectification items
        SupervisionVisit fifth = planned(bureau, "XJ-05", "2025-11-13", "学习贯彻党的二十届四中全会精神", "宣教中心会议室", groupTwo);
        submit(fifth, "2025-10-31", days, "传达学习党的二十届四中全会精神，结合生态文化宣传工作开展研讨。");
        fifth.approve("方案完整，同意。", date("2025-11-03"), "周文斌");
        fifth.observe("学习组织规范，研讨紧扣宣传教育主业，提出生态文化宣传“进社区、进校园”举措。", ratings(92, 95, 90, 93, 91), date("2025-11-13"));
        fifth.summarise(
                "学习传达及时，研讨深入，成效明显。",
                "把全会精神转化为生态文化宣传具体举措，青年干部积极参与。",
                "学习资料汇编的针对性还可进一步增强。",
                date("2025-11-20"),
                days.after(date("2025-11-13"), SupervisionVisit.SUMMARY_WITHIN_WORKING_DAYS));
        fifth.close(true, date("2025-11-20"));
        visits.save(fifth);

        // XJ-06: planned, materials never came (past their deadline): not visited
        visits.save(planned(bureau, "XJ-06", "2025-12-18", "学习贯彻中央经济工作会议精神", "机关服务中心会议室", groupThree));
    }

    private SupervisionVisit planned(
            OrgRef bureau, String unitCode, String plannedOn, String title, String place, Set<Long> observers) {
        OrgRef unit = orgs.findUnchecked(unitCode).orElseThrow();
        return visits.save(new SupervisionVisit(bureau.id(), unit.id(), date(plannedOn), title, place, observers));
    }

    private void submit(SupervisionVisit visit, String on, WorkingDays days, String studyPlan) {
        List<VisitMaterial> added = new ArrayList<>();
        if (visit.materials().isEmpty()) {
            added.add(
                    new VisitMaterial(MaterialKind.MATERIAL, text("学习材料汇编.txt", visit.sessionTitle() + "\n学习材料汇编\n")));
            added.add(new VisitMaterial(
                    MaterialKind.OUTLINE,
                    text("重点发言提纲.txt", visit.sessionTitle() + "\n重点发言提纲\n一、学习体会\n二、联系实际\n三、下一步打算\n")));
        }
        visit.submit(
                studyPlan,
                added,
                date(on),
                days.before(visit.plannedOn(), SupervisionVisit.MATERIALS_LEAD_WORKING_DAYS));
    }

    private long text(String name, String content) {
        return files.store(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), FileKind.DOCUMENTS)
                .id();
    }

    private static List<Rating> ratings(int... scores) {
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            Criterion c = CriteriaSet.DEFAULTS.get(i);
            ratings.add(new Rating(c.name(), c.weight(), scores[i]));
        }
        return ratings;
    }

    private RectificationItem item(SupervisionVisit visit, String title, long owner, String dueOn, String raisedOn) {
        return new RectificationItem(visit.getId(), title, owner, date(dueOn), date(raisedOn));
    }

    private long unitPerson(String unitCode, String position) {
        OrgRef unit = orgs.findUnchecked(unitCode).orElseThrow();
        return orgs.activePeople(unit.id()).stream()
                .filter(p -> position.equals(p.position()))
                .findFirst()
                .or(() -> orgs.activePeople(unit.id()).stream().findFirst())
                .orElseThrow()
                .id();
    }

    private static Set<Long> group(Map<String, Long> people, String... names) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String name : names) {
            Long id = people.get(name);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}
