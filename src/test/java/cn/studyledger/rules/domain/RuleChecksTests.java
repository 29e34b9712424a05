package cn.studyledger.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.firsttopic.FirstTopicItemSummary;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.GroupRole;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.OrgType;
import cn.studyledger.plan.PlanStatus;
import cn.studyledger.plan.PlanSummary;
import cn.studyledger.report.Finding;
import cn.studyledger.selfstudy.WritingKind;
import cn.studyledger.selfstudy.WritingSummary;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AgendaSummary;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.AttendeeRole;
import cn.studyledger.session.LeaveStatus;
import cn.studyledger.session.SessionFacts;
import cn.studyledger.session.SessionFacts.Attendee;
import cn.studyledger.session.SessionFacts.LeaveFact;
import cn.studyledger.session.SessionFacts.SpeechFact;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SpeechKind;
import cn.studyledger.session.StudyPlanStatus;
import cn.studyledger.supervision.VisitStage;
import cn.studyledger.supervision.VisitSummary;
import cn.studyledger.tracking.OverdueItem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rule's evaluation fed with records: what it finds, the numbers it writes and the records it cites. */
class RuleChecksTests {

    static final OrgRef ORG = new OrgRef(1, "XJ", "X局", OrgType.values()[0], "/1/", "生态环境");
    static final LocalDate AFTER_YEAR = LocalDate.of(2026, 1, 15);

    final List<GroupMember> members = new ArrayList<>(List.of(
            new GroupMember(1, "王建国", "局长", GroupRole.LEADER),
            new GroupMember(2, "张伟", "副局长", GroupRole.MEMBER),
            new GroupMember(3, "周文斌", "一级调研员", GroupRole.MEMBER)));
    final List<SessionFacts> sessions = new ArrayList<>();
    final List<FirstTopicItemSummary> items = new ArrayList<>();
    final List<WritingSummary> writings = new ArrayList<>();
    final List<OrgRef> units = new ArrayList<>();
    final List<VisitSummary> visits = new ArrayList<>();
    final List<OverdueItem> overdue = new ArrayList<>();
    final List<Evidence> recommendations = new ArrayList<>();
    final List<Evidence> adopted = new ArrayList<>();
    /** The figures the checks read, as the figure API would give them. */
    final List<Evidence> heldSessions = new ArrayList<>();

    /** The held sessions as the figure {@code sessions.days} cites them, each with the days it counts for. */
    final List<Evidence> daySessions = new ArrayList<>();

    final List<Evidence> present = new ArrayList<>();
    final List<Evidence> notPresent = new ArrayList<>();
    PlanSummary plan;
    LocalDate planApprovedOn;
    LocalDate today = AFTER_YEAR;
    /** The kinds the rule's setting counts; null: the rule's defaults. */
    List<String> kinds;

    // ---- sessions ----

    @Test
    void fewerSessionsThanTheYearlyMinimumAndAQuarterWithoutAreFound() {
        for (int month : new int[] {1, 2, 3, 4, 5, 6, 10, 11, 12}) {
            heldSessions.add(sessionRecord(month, LocalDate.of(2025, month, 10)));
        }
        Finding f = check(RuleDefinition.SESSION_COUNT).orElseThrow();
        assertThat(f.finding()).isEqualTo("全年举行集中学习9次，少于12次；第三季度0次，少于每季度1次");
        assertThat(f.problem()).contains("全年不少于12次").contains("第三季度0次");
        assertThat(f.evidence()).hasSize(9).allMatch(e -> e.url().startsWith("/sessions/"));
    }

    @Test
    void duringTheYearOnlyFinishedQuartersAreJudged() {
        today = LocalDate.of(2025, 5, 1);
        heldSessions.add(sessionRecord(1, LocalDate.of(2025, 2, 10)));
        assertThat(check(RuleDefinition.SESSION_COUNT)).isEmpty();
        today = LocalDate.of(2025, 7, 2);
        Finding f = check(RuleDefinition.SESSION_COUNT).orElseThrow();
        assertThat(f.finding()).startsWith("截至2025年7月2日，全年举行集中学习1次；第二季度0次");
    }

    @Test
    void aYearNotBegunIsNotJudged() {
        today = LocalDate.of(2024, 12, 1);
        assertThat(check(RuleDefinition.SESSION_COUNT)).isEmpty();
    }

    @Test
    void aYearWithoutACentralGroupIsNotJudged() {
        members.clear();
        assertThat(check(RuleDefinition.SESSION_COUNT)).isEmpty();
    }

    @Test
    void shortSessionsAreFoundWithTheirLength() {
        sessions.add(session(1, LocalDate.of(2025, 3, 1), new BigDecimal("1.5"), b -> {}));
        sessions.add(session(2, LocalDate.of(2025, 4, 1), new BigDecimal("3"), b -> {}));
        Finding f = check(RuleDefinition.SESSION_LENGTH).orElseThrow();
        assertThat(f.finding()).isEqualTo("1次集中学习时长不足3小时（最短1.5小时）");
        assertThat(f.evidence()).extracting(Evidence::id).containsExactly(1L);
        assertThat(f.evidence().get(0).detail()).isEqualTo("时长1.5小时");
    }

    @Test
    void fewerDaysOfCollectiveStudyThanTheYearlyMinimumAreFoundCitingEverySessionsShare() {
        // 5 whole days, 4 half days and one session too short to count: 7 days of the default 12
        for (int i = 1; i <= 10; i++) {
            String share = i <= 5 ? "1" : i <= 9 ? "0.5" : "0";
            daySessions.add(daySession(i, LocalDate.of(2025, i, 10), share));
        }
        Finding f = check(RuleDefinition.SESSION_DAYS).orElseThrow();
        assertThat(f.finding()).isEqualTo("全年举行集中学习10次，折合7天，少于12天");
        assertThat(f.problem()).contains("2025年中心组举行集中学习10次、折合7天").contains("全年集中学习不少于12天");
        assertThat(f.nextStep()).contains("不少于12天");
        assertThat(f.evidence()).hasSize(10).allMatch(e -> e.url().startsWith("/sessions/"));

        daySessions.add(daySession(11, LocalDate.of(2025, 11, 10), "0.5"));
        assertThat(check(RuleDefinition.SESSION_DAYS).orElseThrow().finding()).isEqualTo("全年举行集中学习11次，折合7.5天，少于12天");
        assertThat(check(RuleDefinition.SESSION_DAYS, new BigDecimal("7.5"), null))
                .as("exactly the minimum keeps the rule")
                .isEmpty();
    }

    @Test
    void daysOfCollectiveStudyAreJudgedOnlyOnceTheYearIsOver() {
        daySessions.add(daySession(1, LocalDate.of(2025, 3, 10), "1"));
        today = LocalDate.of(2025, 12, 31);
        assertThat(check(RuleDefinition.SESSION_DAYS)).isEmpty();
        today = LocalDate.of(2026, 1, 1);
        assertThat(check(RuleDefinition.SESSION_DAYS).orElseThrow().finding()).isEqualTo("全年举行集中学习1次，折合1天，少于12天");
    }

    @Test
    void howSessionsCountAsDaysIsASettingTheRecordsCannotBreak() {
        daySessions.add(daySession(1, LocalDate.of(2025, 3, 10), "0"));
        assertThat(check(RuleDefinition.SESSION_DAY_HOURS)).isEmpty();
        assertThat(RuleDefinition.SESSION_DAY_HOURS.text(BigDecimal.valueOf(3), BigDecimal.valueOf(6)))
                .isEqualTo("单次集中学习满3小时计半天、满6小时计一天");
        RuleSetting s = new RuleSetting(1, 2025, RuleDefinition.SESSION_DAY_HOURS);
        assertThat(s.param1()).isEqualByComparingTo("3");
        assertThat(s.param2()).isEqualByComparingTo("6");
        assertThatThrownBy(() -> s.change(
                        RuleDefinition.SESSION_DAY_HOURS, true, BigDecimal.valueOf(7), BigDecimal.valueOf(6), "办法"))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("计半天的时长不能多于计一天的时长");
        s.change(RuleDefinition.SESSION_DAY_HOURS, true, new BigDecimal("2.5"), new BigDecimal("5"), "办法");
        assertThat(s.param1()).isEqualByComparingTo("2.5");
        assertThat(s.param2()).isEqualByComparingTo("5");
    }

    @Test
    void presentRateBelowTheThresholdCitesTheMissedAttendances() {
        // 3 members × 4 sessions = 12 expected; 10 present → 83.3 % (figure attendance.presentRate)
        for (int i = 0; i < 10; i++) {
            present.add(attendance(i, "王建国 · 学习" + (i % 4 + 1), "出席"));
        }
        notPresent.add(attendance(10, "张伟 · 学习1", "缺席"));
        notPresent.add(attendance(11, "周文斌 · 学习2", "请假（未补学）"));
        Finding f = check(RuleDefinition.PRESENT_RATE).orElseThrow();
        assertThat(f.finding()).isEqualTo("应出席12人次，实际出席10人次，出勤率83.3%");
        assertThat(f.evidence()).extracting(Evidence::title).containsExactly("张伟 · 学习1", "周文斌 · 学习2");
        assertThat(check(RuleDefinition.PRESENT_RATE, new BigDecimal("80"), null))
                .isEmpty();
    }

    @Test
    void leavesWithoutApprovalOrMakeUpWithinTheLimitAreFound() {
        LocalDate date = LocalDate.of(2025, 6, 1);
        sessions.add(session(1, date, BigDecimal.valueOf(3), b -> {
            // approved, made up in time: fine
            b.attendees.add(new Attendee(1, AttendeeRole.MEMBER, AttendanceStatus.LEAVE, null, date.plusDays(10)));
            b.leaves.add(new LeaveFact(11, 1, LeaveStatus.APPROVED));
            // approved, never made up: open
            b.attendees.add(new Attendee(2, AttendeeRole.MEMBER, AttendanceStatus.LEAVE, null, null));
            b.leaves.add(new LeaveFact(12, 2, LeaveStatus.APPROVED));
            // not approved, made up late
            b.attendees.add(new Attendee(3, AttendeeRole.MEMBER, AttendanceStatus.LEAVE, null, date.plusDays(45)));
        }));
        Finding f = check(RuleDefinition.LEAVE_MAKE_UP).orElseThrow();
        assertThat(f.finding()).isEqualTo("成员请假3人次，其中1人次补学逾期未完成、1人次超过30天才补学、1人次请假未经组长批准");
        assertThat(f.evidence()).extracting(Evidence::title).containsExactly("张伟 · 学习1", "周文斌 · 学习1");
        assertThat(f.evidence().get(0).detail()).isEqualTo("补学逾期未完成（应于2025-07-01前完成）");
        assertThat(f.evidence().get(1).detail()).contains("请假未经组长批准").contains("超过30天");
    }

    @Test
    void aMakeUpStillWithinTheLimitIsNotYetAProblem() {
        today = LocalDate.of(2025, 6, 20);
        LocalDate date = LocalDate.of(2025, 6, 1);
        sessions.add(session(1, date, BigDecimal.valueOf(3), b -> {
            b.attendees.add(new Attendee(2, AttendeeRole.MEMBER, AttendanceStatus.LEAVE, null, null));
            b.leaves.add(new LeaveFact(12, 2, LeaveStatus.APPROVED));
        }));
        assertThat(check(RuleDefinition.LEAVE_MAKE_UP)).isEmpty();
    }

    // ---- first topic ----

    @Test
    void heldSessionsWithoutAFirstTopicItemAreFound() {
        sessions.add(
                session(1, LocalDate.of(2025, 3, 1), BigDecimal.valueOf(3), b -> b.agenda.add(AgendaKind.FIRST_TOPIC)));
        sessions.add(session(2, LocalDate.of(2025, 4, 1), BigDecimal.valueOf(3), b -> b.agenda.add(AgendaKind.THEORY)));
        sessions.add(planned(3, LocalDate.of(2025, 5, 1)));
        Finding f = check(RuleDefinition.FIRST_TOPIC_PER_SESSION).orElseThrow();
        assertThat(f.finding()).isEqualTo("已举行的2次集中学习中，1次“第一议题”学习内容少于1项");
        assertThat(f.evidence()).extracting(Evidence::id).containsExactly(2L);
    }

    @Test
    void firstTopicItemsStudiedLateOrNotAtAllAreFound() {
        items.add(new FirstTopicItemSummary(1, 1, "按时", "讲话", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 20)));
        items.add(new FirstTopicItemSummary(2, 1, "迟学", "讲话", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 17)));
        items.add(new FirstTopicItemSummary(3, 1, "未学", "指示", LocalDate.of(2025, 12, 1), null));
        items.add(new FirstTopicItemSummary(
                4, 1, "刚发布", "指示", LocalDate.of(2026, 1, 1).minusDays(10), null));
        today = LocalDate.of(2026, 1, 5);
        Finding f = check(RuleDefinition.FIRST_TOPIC_TIMELINESS).orElseThrow();
        assertThat(f.finding()).isEqualTo("本年度“第一议题”学习内容4项，其中1项超过30天才组织学习、1项发布超过30天仍未学习");
        assertThat(f.evidence()).extracting(Evidence::url).containsExactly("/firsttopic/2", "/firsttopic/3");
        assertThat(f.evidence().get(0).detail()).isEqualTo("发布于2025-03-01，2025-04-17首次学习，相隔47天");
    }

    // ---- speeches and writings ----

    @Test
    void sessionsWithTooFewOrTooManyKeySpeechesOrWithoutOutlinesAreFound() {
        sessions.add(session(1, LocalDate.of(2025, 3, 1), BigDecimal.valueOf(3), b -> {
            b.speeches.add(new SpeechFact(1, 1, SpeechKind.KEY, "发言", true));
            b.speeches.add(new SpeechFact(2, 2, SpeechKind.KEY, "发言", true));
        }));
        sessions.add(session(2, LocalDate.of(2025, 4, 1), BigDecimal.valueOf(3), b -> {
            b.speeches.add(new SpeechFact(3, 1, SpeechKind.KEY, "发言", true));
            b.speeches.add(new SpeechFact(4, 2, SpeechKind.EXCHANGE, "交流", false));
        }));
        sessions.add(session(3, LocalDate.of(2025, 5, 1), BigDecimal.valueOf(3), b -> {
            b.speeches.add(new SpeechFact(5, 1, SpeechKind.KEY, "发言", false));
            b.speeches.add(new SpeechFact(6, 2, SpeechKind.KEY, "发言", true));
        }));
        Finding f = check(RuleDefinition.KEY_SPEECHES_PER_SESSION).orElseThrow();
        assertThat(f.finding()).isEqualTo("1次集中学习重点发言人数不在2至3人之间，1篇重点发言未附书面提纲");
        assertThat(f.evidence()).extracting(Evidence::id).containsExactly(2L, 3L);
        assertThat(f.evidence()).extracting(Evidence::detail).containsExactly("重点发言1人", "1篇重点发言未附提纲");
    }

    @Test
    void membersWithoutAKeySpeechAreFoundOnceTheYearIsOver() {
        sessions.add(session(1, LocalDate.of(2025, 3, 1), BigDecimal.valueOf(3), b -> {
            b.speeches.add(new SpeechFact(1, 1, SpeechKind.KEY, "发言", true));
            b.speeches.add(new SpeechFact(2, 2, SpeechKind.KEY, "发言", true));
            b.speeches.add(new SpeechFact(3, 3, SpeechKind.EXCHANGE, "交流", false));
        }));
        Finding f = check(RuleDefinition.KEY_SPEECHES_PER_MEMBER).orElseThrow();
        assertThat(f.finding()).isEqualTo("1名成员全年重点发言少于1次：周文斌");
        assertThat(f.problem()).contains("1名成员全年未作重点发言").doesNotContain("周文斌");
        assertThat(f.evidence()).extracting(Evidence::url).containsExactly("/records/3");
        today = LocalDate.of(2025, 12, 1);
        assertThat(check(RuleDefinition.KEY_SPEECHES_PER_MEMBER)).isEmpty();
    }

    @Test
    void membersWithoutAnExperienceOrResearchReportAreFound() {
        writings.add(new WritingSummary(1, 1, WritingKind.EXPERIENCE, "心得", LocalDate.of(2025, 5, 1)));
        writings.add(new WritingSummary(2, 2, WritingKind.RESEARCH_REPORT, "报告", LocalDate.of(2025, 6, 1)));
        writings.add(new WritingSummary(3, 3, WritingKind.SPEECH, "发言材料不算", LocalDate.of(2025, 6, 1)));
        Finding f = check(RuleDefinition.WRITINGS_PER_MEMBER).orElseThrow();
        assertThat(f.finding()).isEqualTo("1名成员全年撰写心得体会、调研报告少于1篇：周文斌");
        assertThat(f.evidence()).extracting(Evidence::id).containsExactly(3L);
        Finding two = check(RuleDefinition.WRITINGS_PER_MEMBER, BigDecimal.valueOf(2), null)
                .orElseThrow();
        assertThat(two.problem()).contains("有3名成员").doesNotContain("王建国");
    }

    @Test
    void countingTheoryArticlesOnlyChangesWhoIsFound() {
        writings.add(new WritingSummary(1, 1, WritingKind.EXPERIENCE, "心得", LocalDate.of(2025, 5, 1)));
        writings.add(new WritingSummary(2, 2, WritingKind.RESEARCH_REPORT, "报告", LocalDate.of(2025, 6, 1)));
        writings.add(new WritingSummary(3, 3, WritingKind.THEORY_ARTICLE, "理论文章", LocalDate.of(2025, 6, 1)));
        assertThat(check(RuleDefinition.WRITINGS_PER_MEMBER).orElseThrow().finding())
                .isEqualTo("1名成员全年撰写心得体会、调研报告少于1篇：周文斌");
        kinds = List.of("THEORY_ARTICLE");
        Finding f = check(RuleDefinition.WRITINGS_PER_MEMBER).orElseThrow();
        assertThat(f.rule()).isEqualTo("每名成员全年撰写理论文章不少于1篇");
        assertThat(f.finding()).isEqualTo("2名成员全年撰写理论文章少于1篇：王建国、张伟");
        assertThat(f.nextStep()).contains("1篇理论文章");
        assertThat(f.evidence()).extracting(Evidence::url).containsExactly("/records/1", "/records/2");
    }

    @Test
    void countingExchangeSpeechesTooLetsThemMeetTheMemberRule() {
        sessions.add(session(1, LocalDate.of(2025, 3, 1), BigDecimal.valueOf(3), b -> {
            b.speeches.add(new SpeechFact(1, 1, SpeechKind.KEY, "发言", true));
            b.speeches.add(new SpeechFact(2, 2, SpeechKind.KEY, "发言", true));
            b.speeches.add(new SpeechFact(3, 3, SpeechKind.EXCHANGE, "交流", false));
        }));
        kinds = List.of("KEY", "EXCHANGE");
        assertThat(check(RuleDefinition.KEY_SPEECHES_PER_MEMBER)).isEmpty();
        kinds = List.of("COMMENT");
        Finding f = check(RuleDefinition.KEY_SPEECHES_PER_MEMBER).orElseThrow();
        assertThat(f.rule()).isEqualTo("每名成员全年点评不少于1次");
        assertThat(f.finding()).startsWith("3名成员全年点评少于1次");
    }

    // ---- plans ----

    @Test
    void aPlanApprovedAfterTheFirstSessionOrNeverIsFound() {
        sessions.add(held(1, LocalDate.of(2025, 2, 20)));
        plan = new PlanSummary(7, 1, 2025, 1, PlanStatus.APPROVED, LocalDateTime.of(2025, 3, 1, 9, 0), 12);
        planApprovedOn = LocalDate.of(2025, 3, 1);
        Finding f = check(RuleDefinition.PLAN_APPROVED_FIRST).orElseThrow();
        assertThat(f.finding()).isEqualTo("年度学习计划于2025-03-01批准，晚于首次集中学习（2025-02-20）");
        assertThat(f.evidence()).extracting(Evidence::url).containsExactly("/plans/7", "/sessions/1");
        planApprovedOn = LocalDate.of(2025, 2, 20);
        assertThat(check(RuleDefinition.PLAN_APPROVED_FIRST)).isEmpty();
        planApprovedOn = null;
        plan = null;
        assertThat(check(RuleDefinition.PLAN_APPROVED_FIRST).orElseThrow().finding())
                .startsWith("年度学习计划未经组长审批");
    }

    @Test
    void heldSessionsWithoutAnApprovedStudyPlanAreFound() {
        sessions.add(held(1, LocalDate.of(2025, 3, 1)));
        sessions.add(
                session(2, LocalDate.of(2025, 4, 1), BigDecimal.valueOf(3), b -> b.plan = StudyPlanStatus.SUBMITTED));
        Finding f = check(RuleDefinition.STUDY_PLAN_APPROVED).orElseThrow();
        assertThat(f.evidence()).extracting(Evidence::detail).containsExactly("学习方案：待审批");
    }

    // ---- supervision, follow-up, adoption ----

    @Test
    void unitsWithoutACompletedVisitAreFound() {
        units.add(new OrgRef(11, "XJ-01", "办公室党支部", OrgType.values()[0], "/1/11/", null));
        units.add(new OrgRef(16, "XJ-06", "服务中心党支部", OrgType.values()[0], "/1/16/", null));
        visits.add(visit(1, 11, VisitStage.CLOSED, false));
        visits.add(visit(2, 16, VisitStage.PLANNED, false));
        Finding f = check(RuleDefinition.UNITS_VISITED).orElseThrow();
        assertThat(f.finding()).isEqualTo("下属单位2个，1个全年完成列席旁听少于1次：服务中心党支部");
        assertThat(f.evidence()).extracting(Evidence::title).containsExactly("服务中心党支部（XJ-06）");
        assertThat(f.evidence().get(0).url()).isEqualTo("/supervision/visits/2");
    }

    @Test
    void lateSummariesAreFound() {
        visits.add(visit(1, 11, VisitStage.SUMMARISED, true));
        visits.add(visit(2, 12, VisitStage.CLOSED, false));
        Finding f = check(RuleDefinition.VISIT_SUMMARY_IN_TIME).orElseThrow();
        assertThat(f.evidence()).extracting(Evidence::id).containsExactly(1L);
    }

    @Test
    void overdueItemsDueInTheYearAreFoundByKind() {
        overdue.add(item("firsttopic.task", "第一议题落实任务", 6, LocalDate.of(2025, 11, 30), "/firsttopic/tasks/6"));
        overdue.add(item(
                "supervision.rectification", "列席旁听整改事项", 4, LocalDate.of(2025, 9, 30), "/supervision/visits/3#item-4"));
        overdue.add(item("firsttopic.task", "第一议题落实任务", 9, LocalDate.of(2026, 1, 10), "/firsttopic/tasks/9"));
        Finding f = check(RuleDefinition.NOTHING_OVERDUE).orElseThrow();
        assertThat(f.finding()).isEqualTo("逾期未完成事项2项：列席旁听整改事项1项、第一议题落实任务1项");
        assertThat(f.evidence())
                .extracting(Evidence::url)
                .containsExactly("/supervision/visits/3#item-4", "/firsttopic/tasks/6");
    }

    @Test
    void adoptionBelowHalfIsTheGapBetweenStudyAndWork() {
        for (long i = 1; i <= 9; i++) {
            Evidence e = new Evidence("对策建议", i, null, "建议" + i, "", null, "/research/1#recommendation-" + i);
            recommendations.add(e);
            if (i <= 4) {
                adopted.add(e);
            }
        }
        Finding f = check(RuleDefinition.ADOPTION_RATE).orElseThrow();
        assertThat(f.rule()).isEqualTo("课题研讨形成的对策建议采纳率不低于50%");
        assertThat(f.finding()).isEqualTo("对策建议9条，采纳4条，采纳率44.4%");
        assertThat(f.problem()).contains("学用转化机制还不够健全").contains("44.4%").contains("“学用两张皮”");
        assertThat(f.nextStep()).contains("不低于50%");
        assertThat(f.evidence()).hasSize(9);
        assertThat(check(RuleDefinition.ADOPTION_RATE, new BigDecimal("40"), null))
                .isEmpty();
        recommendations.clear();
        adopted.clear();
        assertThat(check(RuleDefinition.ADOPTION_RATE)).isEmpty();
    }

    // ---- the rule table ----

    @Test
    void thresholdsOutsideTheirBoundsAreRefusedWithTheReason() {
        RuleSetting s = new RuleSetting(1, 2025, RuleDefinition.KEY_SPEECHES_PER_SESSION);
        assertThatThrownBy(() -> s.change(
                        RuleDefinition.KEY_SPEECHES_PER_SESSION,
                        true,
                        BigDecimal.valueOf(4),
                        BigDecimal.valueOf(3),
                        "办法"))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("重点发言人数的下限不能大于上限");
        assertThatThrownBy(() ->
                        s.change(RuleDefinition.KEY_SPEECHES_PER_SESSION, true, null, BigDecimal.valueOf(3), "办法"))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("请填写“每次不少于”");
        RuleSetting rate = new RuleSetting(1, 2025, RuleDefinition.ADOPTION_RATE);
        assertThatThrownBy(() -> rate.change(RuleDefinition.ADOPTION_RATE, true, BigDecimal.valueOf(101), null, "办法"))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("“采纳率不低于”应在1至100%之间");
        rate.change(RuleDefinition.ADOPTION_RATE, false, new BigDecimal("60.0"), BigDecimal.ONE, " 本单位办法 ");
        assertThat(rate.enabled()).isFalse();
        assertThat(rate.param2()).isNull();
        assertThat(rate.source()).isEqualTo("本单位办法");
        rate.restoreDefault(RuleDefinition.ADOPTION_RATE);
        assertThat(rate.enabled()).isTrue();
        assertThat(rate.param1()).isEqualByComparingTo("50");
    }

    @Test
    void everyRuleHasANameASourceAndItsThresholdsInItsText() {
        for (RuleDefinition d : RuleDefinition.values()) {
            assertThat(d.title()).isNotBlank();
            assertThat(d.defaultSource()).isNotBlank();
            String text = d.text(d.defaultParam(0), d.defaultParam(1));
            assertThat(text).doesNotContain("{0}").doesNotContain("{1}");
            d.params().forEach(p -> assertThat(text).contains(RuleDefinition.Param.format(p.defaultValue())));
        }
        assertThat(RuleDefinition.SESSION_COUNT.text(BigDecimal.valueOf(12), BigDecimal.ONE))
                .isEqualTo("全年集中学习不少于12次，每季度不少于1次");
    }

    // ---- fixtures ----

    Optional<Finding> check(RuleDefinition rule) {
        return check(rule, rule.defaultParam(0), rule.defaultParam(1));
    }

    Optional<Finding> check(RuleDefinition rule, BigDecimal p1, BigDecimal p2) {
        Map<Long, String> names = new HashMap<>();
        members.forEach(m -> names.put(m.personId(), m.name()));
        RuleFacts facts = new RuleFacts(
                ORG,
                2025,
                today,
                members,
                names,
                sessions,
                items,
                writings,
                plan,
                planApprovedOn,
                units,
                visits,
                overdue,
                Map.of(
                        RuleChecks.HELD, FigureResult.count(heldSessions),
                        RuleChecks.PRESENT, FigureResult.rate(present, notPresent),
                        RuleChecks.DAYS, FigureResult.sum(daySessions),
                        RuleChecks.RECOMMENDATIONS, FigureResult.count(recommendations),
                        RuleChecks.ADOPTED, FigureResult.count(adopted)));
        Optional<Finding> found =
                RuleChecks.check(rule, p1, p2, kinds == null ? rule.defaultKinds() : kinds, "来源", facts);
        found.ifPresent(f -> {
            assertThat(f.ruleKey()).isEqualTo(rule.key());
            assertThat(f.source()).isEqualTo("来源");
            assertThat(f.problem()).endsWith("。");
            assertThat(f.nextStep()).endsWith("。");
            assertThat(f.evidence()).isNotEmpty();
        });
        return found;
    }

    static class Builder {
        final List<AgendaKind> agenda = new ArrayList<>();
        final List<Attendee> attendees = new ArrayList<>();
        final List<SpeechFact> speeches = new ArrayList<>();
        final List<LeaveFact> leaves = new ArrayList<>();
        StudyPlanStatus plan = StudyPlanStatus.APPROVED;
    }

    static SessionFacts session(long id, LocalDate date, BigDecimal hours, java.util.function.Consumer<Builder> fill) {
        Builder b = new Builder();
        fill.accept(b);
        List<AgendaSummary> agenda = new ArrayList<>();
        for (int i = 0; i < b.agenda.size(); i++) {
            agenda.add(new AgendaSummary(id * 100 + i, id, b.agenda.get(i), "议题"));
        }
        return new SessionFacts(
                id,
                date,
                "学习" + id,
                SessionFormat.COLLECTIVE,
                SessionStatus.HELD,
                hours,
                b.plan,
                agenda,
                b.attendees,
                b.speeches,
                b.leaves);
    }

    /** A held session as the figure {@code sessions.collective} cites it. */
    static Evidence sessionRecord(long id, LocalDate date) {
        return new Evidence("集中学习", id, date, "学习" + id, SessionFormat.COLLECTIVE.label(), null, "/sessions/" + id);
    }

    /** A held session as the figure {@code sessions.days} cites it, with the days it counts for. */
    static Evidence daySession(long id, LocalDate date, String days) {
        return new Evidence("集中学习", id, date, "学习" + id, "计" + days + "天", new BigDecimal(days), "/sessions/" + id);
    }

    static Evidence attendance(long id, String title, String detail) {
        return new Evidence("考勤", id, LocalDate.of(2025, 1, 5), title, detail, null, "/sessions/1");
    }

    static SessionFacts held(long id, LocalDate date) {
        return session(id, date, BigDecimal.valueOf(3), b -> {});
    }

    static SessionFacts planned(long id, LocalDate date) {
        SessionFacts s = held(id, date);
        return new SessionFacts(
                s.id(),
                s.date(),
                s.title(),
                s.format(),
                SessionStatus.PLANNED,
                s.durationHours(),
                StudyPlanStatus.NONE,
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    static VisitSummary visit(long id, long unitOrgId, VisitStage stage, boolean summaryLate) {
        return new VisitSummary(
                id, 1, unitOrgId, "单位" + unitOrgId, LocalDate.of(2025, 6, 1), "学习", stage, summaryLate, 0, 0);
    }

    static OverdueItem item(String kind, String label, long id, LocalDate due, String url) {
        return new OverdueItem(kind, label, id, "XJ", "X局", "事项" + id, "来源", "杨丽", due, 10, url);
    }
}
