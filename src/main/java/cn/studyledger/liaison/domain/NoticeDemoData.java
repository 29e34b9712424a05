package cn.studyledger.liaison.domain;

import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SessionSummary;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * X局党组's two 学习提示 of 2025 to its six units: the first quarter's, which the 监测中心 (XJ-01) acknowledged and
 * carried out with its session of 20 March; the 四中全会 one, acknowledged by the 执法总队 (XJ-02) without a session
 * yet and by nobody else — overdue for all of them after 30 November; and one without a due date to three of the
 * units only (青年干部列席), which the others never see.
 */
@Component
@Profile("demo")
@Order(95)
class NoticeDemoData implements ApplicationRunner {

    private final NoticeRepository notices;
    private final NoticeReceiptRepository receipts;
    private final OrgApi orgs;
    private final SessionApi sessions;

    NoticeDemoData(NoticeRepository notices, NoticeReceiptRepository receipts, OrgApi orgs, SessionApi sessions) {
        this.notices = notices;
        this.receipts = receipts;
        this.orgs = orgs;
        this.sessions = sessions;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null || notices.countByIssuerOrgId(bureau.id()) > 0) {
            return;
        }
        List<OrgRef> units = orgs.children(bureau.id());
        Notice first = notices.save(new Notice(
                bureau.id(),
                "关于做好2025年第一季度党委（党组）理论学习中心组学习的提示",
                "各单位党委（党总支、党支部）：\n请结合本单位实际，在3月底前至少安排1次中心组集体学习，第一议题学习习近平总书记最新重要讲话精神，" + "并将学习安排与落实情况在系统中签收、关联。",
                List.of("习近平总书记在二十届中央纪委四次全会上的重要讲话", "《习近平关于党的自我革命论述摘编》有关篇目"),
                LocalDate.of(2025, 2, 20),
                LocalDate.of(2025, 3, 31)));
        Notice second = notices.save(new Notice(
                bureau.id(),
                "关于深入学习贯彻党的二十届四中全会精神的学习安排",
                "各单位要把学习贯彻党的二十届四中全会精神作为当前和今后一个时期的首要政治任务，11月底前召开中心组专题学习会，" + "主要负责同志带头作重点发言。",
                List.of("《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》", "习近平总书记关于《建议》的说明"),
                LocalDate.of(2025, 10, 28),
                LocalDate.of(2025, 11, 30)));
        Notice youth = notices.save(new Notice(
                bureau.id(),
                "关于组织青年干部列席中心组学习的提示",
                "请执法总队、规划研究院、信息中心结合下半年中心组学习安排，每次组织2至3名青年干部列席旁听，并安排青年干部作交流发言。",
                List.of(),
                LocalDate.of(2025, 6, 10),
                null));
        for (OrgRef unit : units) {
            if (List.of("XJ-02", "XJ-03", "XJ-04").contains(unit.code())) {
                receipts.save(new NoticeReceipt(youth, unit.id()));
            }
        }
        for (OrgRef unit : units) {
            NoticeReceipt one = receipts.save(new NoticeReceipt(first, unit.id()));
            NoticeReceipt two = receipts.save(new NoticeReceipt(second, unit.id()));
            if ("XJ-01".equals(unit.code())) {
                List<Long> march = sessions.sessions(unit.id(), 2025).stream()
                        .filter(s ->
                                s.status() == SessionStatus.HELD && s.date().getMonthValue() == 3)
                        .map(SessionSummary::id)
                        .toList();
                one.acknowledge(LocalDateTime.of(2025, 2, 21, 9, 30), "监测中心学习秘书", "已列入3月中心组学习计划", march, first);
            } else if ("XJ-02".equals(unit.code())) {
                two.acknowledge(LocalDateTime.of(2025, 10, 29, 10, 0), "执法总队学习秘书", "拟于12月上旬召开专题学习会", List.of(), second);
            }
        }
    }
}
