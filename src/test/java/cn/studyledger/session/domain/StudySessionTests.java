package cn.studyledger.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.Participation;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudySessionTests {

    /** The 补学期限 the sessions get from the rules (MakeUpPeriod), by default. */
    static final int MAKE_UP_DAYS = 30;

    /** An organisation whose year has four sessions held so far, one of them of the session's format. */
    static final SessionNumbering NUMBERING = new SessionNumbering() {
        @Override
        public int next(long orgId, int year) {
            return 5;
        }

        @Override
        public int nextOfFormat(long orgId, int year, SessionFormat format) {
            return format == SessionFormat.COLLECTIVE ? 2 : 7;
        }
    };

    final LocalDate day = LocalDate.of(2025, 3, 18);
    final LocalDateTime afterwards = day.atTime(18, 0);

    StudySession session() {
        StudySession s = new StudySession(1);
        s.describe(
                day, LocalTime.of(9, 0), new BigDecimal("3"), "会议室", SessionFormat.COLLECTIVE, "集体学习", null, NUMBERING);
        s.replaceAgenda(List.of(new StudySession.AgendaLine(AgendaKind.FIRST_TOPIC, "重要讲话")));
        s.expectMembers(List.of(11L, 12L, 13L));
        return s;
    }

    @Test
    void aSessionMarkedHeldGetsTheNextNumbersOfItsYearOverallAndInItsFormat() {
        StudySession s = session();
        assertThat(s.ordinal()).as("a planned session has no number yet").isNull();
        s.recordAttendance(
                Map.of(11L, AttendanceStatus.PRESENT, 12L, AttendanceStatus.PRESENT, 13L, AttendanceStatus.PRESENT),
                afterwards,
                MAKE_UP_DAYS);
        s.markHeld(afterwards, Map.of(), NUMBERING);

        assertThat(s.ordinal().full()).isEqualTo("2025年第5次集中学习（第2次集体学习）");
        assertThat(s.ordinal().ofFormat()).isEqualTo("2025年第2次集体学习");
    }

    @Test
    void aHeldSessionCorrectedKeepsItsNumberAndIsNumberedAgainOnlyInANewFormat() {
        StudySession s = session();
        s.recordAttendance(
                Map.of(11L, AttendanceStatus.PRESENT, 12L, AttendanceStatus.PRESENT, 13L, AttendanceStatus.PRESENT),
                afterwards,
                MAKE_UP_DAYS);
        s.markHeld(afterwards, Map.of(), NUMBERING);

        s.describe(
                day.minusDays(3),
                LocalTime.of(14, 0),
                new BigDecimal("2"),
                "会议室",
                SessionFormat.COLLECTIVE,
                "更正后",
                null,
                NUMBERING);
        assertThat(s.ordinal())
                .isEqualTo(new cn.studyledger.session.SessionOrdinal(2025, 5, SessionFormat.COLLECTIVE, 2));

        s.describe(
                day, LocalTime.of(14, 0), new BigDecimal("2"), "会议室", SessionFormat.DISCUSSION, "更正后", null, NUMBERING);
        assertThat(s.ordinal())
                .isEqualTo(new cn.studyledger.session.SessionOrdinal(2025, 5, SessionFormat.DISCUSSION, 7));
        assertThatThrownBy(() -> s.describe(
                        day.plusYears(1),
                        null,
                        new BigDecimal("2"),
                        null,
                        SessionFormat.DISCUSSION,
                        "更正后",
                        null,
                        NUMBERING))
                .hasMessageContaining("不能改到其他年度");
    }

    @Test
    void cannotBeHeldWhileSomeAttendanceIsUnrecorded() {
        StudySession s = session();
        s.recordAttendance(Map.of(11L, AttendanceStatus.PRESENT), afterwards, MAKE_UP_DAYS);
        assertThatThrownBy(() -> s.markHeld(afterwards, Map.of(12L, "张伟", 13L, "刘芳"), NUMBERING))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("张伟")
                .hasMessageContaining("刘芳");
        assertThat(s.status()).isEqualTo(SessionStatus.PLANNED);
    }

    @Test
    void isHeldOnceEveryoneIsRecordedAndOnlyOnce() {
        StudySession s = session();
        s.recordAttendance(
                Map.of(11L, AttendanceStatus.PRESENT, 12L, AttendanceStatus.LEAVE, 13L, AttendanceStatus.ABSENT),
                afterwards,
                MAKE_UP_DAYS);
        s.markHeld(afterwards, Map.of(), NUMBERING);
        assertThat(s.status()).isEqualTo(SessionStatus.HELD);
        assertThatThrownBy(() -> s.markHeld(afterwards, Map.of(), NUMBERING)).hasMessageContaining("已标记为已举行");
    }

    @Test
    void cannotBeHeldBeforeItsDate() {
        StudySession s = session();
        s.recordAttendance(
                Map.of(11L, AttendanceStatus.PRESENT, 12L, AttendanceStatus.PRESENT, 13L, AttendanceStatus.PRESENT),
                afterwards,
                MAKE_UP_DAYS);
        assertThatThrownBy(() -> s.markHeld(day.minusDays(1).atStartOfDay(), Map.of(), NUMBERING))
                .hasMessageContaining("尚未到");
    }

    @Test
    void leaveCountsAsParticipationOnlyOnceTheMakeUpIsDone() {
        StudySession s = session();
        s.recordAttendance(Map.of(12L, AttendanceStatus.LEAVE), afterwards, MAKE_UP_DAYS);
        Attendance leave = s.attendance().stream()
                .filter(a -> a.personId() == 12L)
                .findFirst()
                .orElseThrow();
        assertThat(leave.participation()).isEqualTo(Participation.LEAVE_OPEN);
        assertThat(leave.participation().counts()).isFalse();
        s.recordMakeUp(12L, day.plusDays(3), "自学补课");
        assertThat(leave.participation()).isEqualTo(Participation.MADE_UP);
        assertThat(leave.participation().counts()).isTrue();
    }

    @Test
    void makeUpIsOnlyForLeaveAndNotBeforeTheSession() {
        StudySession s = session();
        s.recordAttendance(
                Map.of(11L, AttendanceStatus.PRESENT, 12L, AttendanceStatus.LEAVE), afterwards, MAKE_UP_DAYS);
        assertThatThrownBy(() -> s.recordMakeUp(11L, day, null)).hasMessageContaining("只有请假");
        assertThatThrownBy(() -> s.recordMakeUp(12L, day.minusDays(1), null)).hasMessageContaining("不能早于");
    }

    @Test
    void attendanceOfSomeoneNotExpectedIsRefused() {
        StudySession s = session();
        assertThatThrownBy(() -> s.recordAttendance(Map.of(99L, AttendanceStatus.PRESENT), afterwards, MAKE_UP_DAYS))
                .hasMessageContaining("应到名单");
    }

    @Test
    void membersWhoLeftTheGroupDropOutUnlessAlreadyRecorded() {
        StudySession s = session();
        s.recordAttendance(Map.of(11L, AttendanceStatus.PRESENT), afterwards, MAKE_UP_DAYS);
        s.expectMembers(List.of(12L, 14L));
        assertThat(s.attendance()).extracting(Attendance::personId).containsExactlyInAnyOrder(11L, 12L, 14L);
    }

    @Test
    void manualPresenceIsCheckedInAtTheStartTime() {
        StudySession s = session();
        s.recordAttendance(Map.of(11L, AttendanceStatus.PRESENT), afterwards, MAKE_UP_DAYS);
        assertThat(s.attendance().get(0).checkInAt()).isEqualTo(day.atTime(9, 0));
    }
}
