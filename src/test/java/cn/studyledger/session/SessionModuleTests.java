package cn.studyledger.session;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseFingerprint;
import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.Logins;
import cn.studyledger.session.domain.AttendanceSheet;
import cn.studyledger.session.domain.SessionCommand;
import cn.studyledger.session.domain.SessionService;
import cn.studyledger.session.domain.SessionViews.AttendanceRow;
import cn.studyledger.session.domain.SessionViews.SessionDetail;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * The session module on its own (with the modules it depends on and {@code config} for the office clock and the
 * method security): what it announces to the modules above it. Each stimulus runs in a transaction of its own, as a
 * request would, and commits: the data is put back after each test.
 */
@ExtendWith(DatabaseFingerprint.class)
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "config")
@ActiveProfiles({"demo", "test"})
@DatabaseSnapshot.RestoredAfterEachTest
class SessionModuleTests {

    /**
     * The 补学期限 and the 集中学习天数折算 the rules module gives in the application; the module alone gets the rules'
     * defaults.
     */
    @org.springframework.boot.test.context.TestConfiguration
    static class RulesOutsideTheModule {

        @org.springframework.context.annotation.Bean
        cn.studyledger.session.MakeUpPeriod makeUpPeriod() {
            return (orgId, year) -> 30;
        }

        @org.springframework.context.annotation.Bean
        cn.studyledger.session.SpeechOutlines speechOutlines() {
            return (orgId, year, kind) -> kind == cn.studyledger.session.SpeechKind.KEY;
        }

        @org.springframework.context.annotation.Bean
        cn.studyledger.session.StudyDayHours studyDayHours() {
            return (orgId, year) -> new cn.studyledger.session.StudyDayHours.Thresholds(
                    java.math.BigDecimal.valueOf(3), java.math.BigDecimal.valueOf(6));
        }
    }

    @Autowired
    SessionService sessions;

    @Autowired
    UserDetailsService accounts;

    @BeforeEach
    void signInAsTheClerk() {
        Logins.signIn(accounts, "clerk");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aNewSessionIsAnnouncedPlannedWithItsAgenda(Scenario scenario) {
        scenario.stimulate(() -> sessions.create(
                        "XJ",
                        command(List.of(
                                new SessionCommand.AgendaLine(AgendaKind.FIRST_TOPIC, "重要讲话精神"),
                                new SessionCommand.AgendaLine(AgendaKind.DISCUSSION, "交流研讨")))))
                .andWaitForEventOfType(AgendaChanged.class)
                .toArriveAndVerify((changed, created) -> {
                    assertThat(changed.sessionId()).isEqualTo(created.id());
                    assertThat(changed.year()).isEqualTo(2025);
                    assertThat(changed.agenda())
                            .extracting(AgendaSummary::id)
                            .as("the announced items are the stored ones")
                            .containsExactlyElementsOf(
                                    created.agenda().stream().map(a -> a.id()).toList());
                    assertThat(changed.agenda())
                            .extracting(AgendaSummary::title)
                            .containsExactly("重要讲话精神", "交流研讨");
                });
    }

    @Test
    void aSessionIsAnnouncedPlannedOnce(Scenario scenario) {
        scenario.stimulate(() -> sessions.create("XJ", command(List.of())))
                .andWaitForEventOfType(SessionPlanned.class)
                .toArriveAndVerify((planned, created) -> {
                    assertThat(planned.sessionId()).isEqualTo(created.id());
                    assertThat(planned.date()).isEqualTo(LocalDate.of(2025, 12, 30));
                });
    }

    @Test
    void anEditThatChangesTheAgendaAnnouncesItsNewItems(Scenario scenario) {
        SessionDetail created =
                sessions.create("XJ", command(List.of(new SessionCommand.AgendaLine(AgendaKind.THEORY, "理论学习"))));
        SessionCommand changed = command(List.of(
                new SessionCommand.AgendaLine(AgendaKind.THEORY, "理论学习"),
                new SessionCommand.AgendaLine(AgendaKind.DOCUMENT, "文件精神")));

        scenario.stimulate(() -> sessions.edit(created.id(), created.version(), changed))
                .andWaitForEventOfType(AgendaChanged.class)
                .matching(e -> e.sessionId() == created.id() && e.agenda().size() == 2)
                .toArriveAndVerify((e, edited) -> assertThat(e.agenda())
                        .extracting(AgendaSummary::id)
                        .containsExactlyElementsOf(
                                edited.agenda().stream().map(a -> a.id()).toList()));
    }

    @Test
    void anEditThatKeepsTheAgendaKeepsItsItems() {
        SessionCommand command = command(List.of(new SessionCommand.AgendaLine(AgendaKind.THEORY, "理论学习")));
        SessionDetail created = sessions.create("XJ", command);

        SessionDetail edited = sessions.edit(created.id(), created.version(), command);

        assertThat(edited.agenda())
                .as("the agenda item other modules' links name keeps its id")
                .extracting(a -> a.id())
                .containsExactly(created.agenda().get(0).id());
    }

    @Test
    void recordingAttendanceAnnouncesIt(Scenario scenario) {
        SessionDetail created = sessions.create("XJ", command(List.of()));

        scenario.stimulate(() -> sessions.recordAttendance(
                        created.id(), created.version(), AttendanceSheet.of(allPresent(created))))
                .andWaitForEventOfType(AttendanceRecorded.class)
                .matching(e -> e.sessionId() == created.id())
                .toArriveAndVerify(e -> assertThat(e.date()).isEqualTo(created.date()));
    }

    @Test
    void holdingASessionAnnouncesItHeldForTheYear(Scenario scenario) {
        SessionDetail created = sessions.create("XJ", command(List.of()));
        SessionDetail recorded =
                sessions.recordAttendance(created.id(), created.version(), AttendanceSheet.of(allPresent(created)));

        scenario.stimulate(() -> sessions.markHeld(recorded.id(), recorded.version()))
                .andWaitForEventOfType(SessionHeld.class)
                .matching(e -> e.sessionId() == created.id())
                .toArriveAndVerify((held, detail) -> {
                    assertThat(detail.status()).isEqualTo(SessionStatus.HELD);
                    assertThat(held.year()).isEqualTo(2025);
                });
    }

    private static Map<Long, AttendanceStatus> allPresent(SessionDetail session) {
        return session.attendance().stream()
                .collect(Collectors.toMap(AttendanceRow::personId, a -> AttendanceStatus.PRESENT));
    }

    private static SessionCommand command(List<SessionCommand.AgendaLine> agenda) {
        SessionCommand blank = SessionCommand.blank(LocalDate.of(2025, 12, 30));
        return new SessionCommand(
                "中心组集中学习（模块测试）",
                blank.date(),
                blank.startTime(),
                blank.durationHours(),
                "第一会议室",
                blank.format(),
                null,
                null,
                blank.learningModes(),
                null,
                null,
                agenda,
                null,
                false);
    }
}
