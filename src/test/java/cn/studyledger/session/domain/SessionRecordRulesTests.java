package cn.studyledger.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.security.Decisions;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.LeaveStatus;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SpeechKind;
import cn.studyledger.session.StudyPlanStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of a session's 学习方案, 列席, speeches, 讲评, check-in and leave, each refused with its message. */
class SessionRecordRulesTests {

    /** The 补学期限 the sessions get from the rules (MakeUpPeriod), by default. */
    static final int MAKE_UP_DAYS = 30;

    final LocalDate day = LocalDate.of(2025, 3, 18);
    final LocalDateTime at = day.atTime(18, 0);
    static final Decisions.Party CLERK = Decisions.Party.account("clerk");
    static final Decisions.Party LEADER = Decisions.Party.account("leader");

    StudySession session() {
        StudySession s = new StudySession(1);
        s.describe(
                day,
                LocalTime.of(9, 0),
                new BigDecimal("3"),
                "会议室",
                SessionFormat.COLLECTIVE,
                "集体学习",
                null,
                StudySessionTests.NUMBERING);
        s.replaceAgenda(List.of(new StudySession.AgendaLine(AgendaKind.FIRST_TOPIC, "重要讲话")));
        s.expectMembers(List.of(11L, 12L));
        return s;
    }

    @Test
    void studyPlanGoesFromSubmittedToApprovedOrBackForRework() {
        StudySession s = session();
        assertThatThrownBy(() -> s.decideStudyPlan(true, null, LEADER, "组长", at))
                .hasMessageContaining("只有待审批");
        assertThatThrownBy(() -> s.submitStudyPlan(" ", CLERK)).hasMessageContaining("请填写学习方案");
        s.submitStudyPlan("方案", CLERK);
        assertThatThrownBy(() -> s.submitStudyPlan("再次", CLERK)).hasMessageContaining("等待组长审批");
        assertThatThrownBy(() -> s.decideStudyPlan(false, "", LEADER, "组长", at)).hasMessageContaining("请填写意见");
        s.decideStudyPlan(false, "补充重点发言人", LEADER, "组长", at);
        assertThat(s.studyPlan().status()).isEqualTo(StudyPlanStatus.RETURNED);
        s.submitStudyPlan("修改后的方案", CLERK);
        s.decideStudyPlan(true, null, LEADER, "组长", at);
        assertThat(s.studyPlan().status()).isEqualTo(StudyPlanStatus.APPROVED);
        assertThatThrownBy(() -> s.submitStudyPlan("又一版", CLERK)).hasMessageContaining("已获批准");
    }

    @Test
    void whoeverSubmittedTheStudyPlanCannotDecideIt() {
        StudySession s = session();
        s.submitStudyPlan("方案", LEADER);
        assertThatThrownBy(() -> s.decideStudyPlan(true, null, LEADER, "组长", at))
                .hasMessage("不能审批本人提交的学习方案，须由他人审批");
        assertThat(s.studyPlan().status()).isEqualTo(StudyPlanStatus.SUBMITTED);
        s.decideStudyPlan(true, null, Decisions.Party.account("leader2"), "组长", at);
        assertThat(s.studyPlan().status()).isEqualTo(StudyPlanStatus.APPROVED);
    }

    @Test
    void heldSessionTakesNoNewPlanButTakesItsEvaluation() {
        StudySession s = session();
        assertThatThrownBy(() -> s.evaluate("讲评", "组长", null, at)).hasMessageContaining("举行后");
        s.recordAttendance(Map.of(11L, AttendanceStatus.PRESENT, 12L, AttendanceStatus.PRESENT), at, MAKE_UP_DAYS);
        s.markHeld(at, Map.of(), StudySessionTests.NUMBERING);
        assertThatThrownBy(() -> s.submitStudyPlan("方案", CLERK)).hasMessageContaining("已举行");
        s.evaluate("讲评内容", "组长", 11L, at);
        assertThat(s.evaluation()).isEqualTo("讲评内容");
        // who gave it, as a person: what each member's 讲评 count (the per-person figure evaluated) counts
        assertThat(s.evaluatedByPersonId()).isEqualTo(11L);
    }

    @Test
    void attendeesJoinOnceAndLeaveOnlyBeforeTheirAttendanceIsRecorded() {
        StudySession s = session();
        s.addAttendee(50L);
        assertThatThrownBy(() -> s.addAttendee(50L)).hasMessageContaining("已在本次学习的名单中");
        assertThatThrownBy(() -> s.removeAttendee(11L)).hasMessageContaining("中心组成员不能移出");
        s.recordAttendance(Map.of(50L, AttendanceStatus.PRESENT), at, MAKE_UP_DAYS);
        assertThatThrownBy(() -> s.removeAttendee(50L)).hasMessageContaining("已登记考勤");
        assertThat(s.attendance().stream().filter(a -> !a.isMember()).count()).isEqualTo(1);
    }

    @Test
    void keySpeechNeedsAnOutlineAndASpeakerOnTheList() {
        StudySession s = session();
        assertThatThrownBy(() -> s.addSpeech(11L, SpeechKind.KEY, "体会", null, true))
                .hasMessageContaining("重点发言须上传发言提纲");
        assertThatThrownBy(() -> s.addSpeech(99L, SpeechKind.EXCHANGE, "体会", null, false))
                .hasMessageContaining("应到名单");
        s.addSpeech(11L, SpeechKind.KEY, "体会", 7L, true);
        s.addSpeech(12L, SpeechKind.EXCHANGE, "交流", null, false);
        s.addSpeech(12L, SpeechKind.COMMENT, "点评", null, false);
        assertThat(s.speeches()).hasSize(3);
    }

    @Test
    void anExchangeSpeechNeedsAnOutlineWhenTheSettingSaysEverySpeech() {
        StudySession s = session();
        assertThatThrownBy(() -> s.addSpeech(12L, SpeechKind.EXCHANGE, "交流", null, true))
                .hasMessageContaining("交流发言须上传发言提纲");
        assertThat(s.speeches()).isEmpty();
    }

    @Test
    void leaveOpensAMakeUpDueThirtyDaysAfterTheSession() {
        StudySession s = session();
        s.grantLeave(12L, at, MAKE_UP_DAYS);
        Attendance leave = s.attendance().stream()
                .filter(a -> a.personId() == 12L)
                .findFirst()
                .orElseThrow();
        assertThat(leave.status()).isEqualTo(AttendanceStatus.LEAVE);
        assertThat(leave.makeUpDueOn()).isEqualTo(day.plusDays(30));
    }

    @Test
    void checkInTwiceIsRefusedAndCheckInEndsWhenTheSessionIsHeld() {
        StudySession s = session();
        s.checkIn(11L, day.atTime(8, 50));
        assertThatThrownBy(() -> s.checkIn(11L, day.atTime(8, 55))).hasMessageContaining("您已签到");
        s.recordAttendance(Map.of(12L, AttendanceStatus.ABSENT), at, MAKE_UP_DAYS);
        s.markHeld(at, Map.of(), StudySessionTests.NUMBERING);
        assertThatThrownBy(() -> s.checkIn(12L, at)).hasMessageContaining("结束签到");
    }

    @Test
    void checkInWindowRunsFromHalfAnHourBeforeToHalfAnHourAfter() {
        StudySession s = session();
        assertThat(s.checkInOpens()).isEqualTo(day.atTime(8, 30));
        assertThat(s.checkInCloses()).isEqualTo(day.atTime(12, 30));
    }

    @Test
    void leaveRequestIsDecidedOnceAndARefusalNeedsAReason() {
        LeaveRequest request = new LeaveRequest(1, 11, "出差");
        assertThatThrownBy(() -> request.decide(false, " ", LEADER, "组长", at)).hasMessageContaining("说明理由");
        request.decide(true, null, LEADER, "组长", at);
        assertThat(request.status()).isEqualTo(LeaveStatus.APPROVED);
        assertThatThrownBy(() -> request.decide(false, "改主意", LEADER, "组长", at)).hasMessageContaining("不能重复审批");
    }

    @Test
    void nobodyDecidesTheirOwnLeave() {
        LeaveRequest request = new LeaveRequest(1, 11, "出差");
        assertThatThrownBy(() -> request.decide(true, null, Decisions.Party.person(11), "组长", at))
                .hasMessage("不能审批本人提交的请假申请，须由他人审批");
        assertThat(request.status()).isEqualTo(LeaveStatus.REQUESTED);
        request.decide(true, null, Decisions.Party.person(12), "副组长", at);
        assertThat(request.status()).isEqualTo(LeaveStatus.APPROVED);
    }

    @Test
    void aNotedLeaveIsInEffectAndTakesNoDecision() {
        LeaveRequest request = new LeaveRequest(1, 11, "出差");
        request.note(at);
        assertThat(request.status().inEffect()).isTrue();
        assertThat(request.status().label()).isEqualTo("报备");
        assertThatThrownBy(() -> request.decide(true, null, LEADER, "组长", at)).hasMessageContaining("已报备");
    }

    @Test
    void checkInCodesRotateAndExpire() {
        String secret = CheckInCodes.newSecret();
        Instant now = Instant.parse("2025-03-18T01:00:05Z");
        long period = CheckInCodes.period(now);
        String token = CheckInCodes.token(secret, period);
        assertThat(CheckInCodes.tokenValid(secret, token, now)).isTrue();
        assertThat(CheckInCodes.tokenValid(secret, token, now.plusSeconds(20))).isTrue();
        assertThat(CheckInCodes.tokenValid(secret, token, now.plusSeconds(40))).isFalse();
        assertThat(CheckInCodes.tokenValid(CheckInCodes.newSecret(), token, now))
                .isFalse();
        String code = CheckInCodes.code(secret, period);
        assertThat(code).hasSize(6).matches("[A-Z2-9]{6}");
        assertThat(CheckInCodes.codeValid(secret, code.toLowerCase(), now.plusSeconds(40)))
                .isTrue();
        assertThat(CheckInCodes.codeValid(secret, code, now.plusSeconds(60))).isFalse();
        assertThat(Set.of(CheckInCodes.code(secret, period), CheckInCodes.code(secret, period + 1)))
                .hasSize(2);
    }
}
