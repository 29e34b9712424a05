package cn.studyledger.session;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A session with what the compliance rules check of it (DESIGN.md §4): its length, the 组长's decision on its
 * 学习方案, the expected participants and their attendance and make-up, the speeches with whether an outline is
 * attached, and the leave requests.
 *
 * @param id session id
 * @param date date of the session
 * @param title 学习主题
 * @param format 学习形式
 * @param status planned or held
 * @param durationHours planned or actual length in hours
 * @param studyPlanStatus where the session's 学习方案 stands
 * @param agenda the agenda items, in order
 * @param attendees the expected participants (members and 列席) with their attendance
 * @param speeches the speeches given
 * @param leaves the leave requests for the session
 */
public record SessionFacts(
        long id,
        LocalDate date,
        String title,
        SessionFormat format,
        SessionStatus status,
        BigDecimal durationHours,
        StudyPlanStatus studyPlanStatus,
        List<AgendaSummary> agenda,
        List<Attendee> attendees,
        List<SpeechFact> speeches,
        List<LeaveFact> leaves) {

    public SessionFacts {
        agenda = List.copyOf(agenda);
        attendees = List.copyOf(attendees);
        speeches = List.copyOf(speeches);
        leaves = List.copyOf(leaves);
    }

    public boolean held() {
        return status == SessionStatus.HELD;
    }

    /**
     * One expected participant.
     *
     * @param personId the person
     * @param role member or 列席
     * @param status attendance, null while unrecorded
     * @param makeUpDueOn for a leave: when the 补学 is due
     * @param makeUpDoneOn for a leave: when the 补学 was done, null while open
     */
    public record Attendee(
            long personId, AttendeeRole role, AttendanceStatus status, LocalDate makeUpDueOn, LocalDate makeUpDoneOn) {

        /** How the attendee took part, by the one definition of the participation rate. */
        public Participation participation() {
            return Participation.of(status, makeUpDueOn, makeUpDoneOn);
        }
    }

    /**
     * One speech.
     *
     * @param id speech id
     * @param personId the speaker
     * @param kind 重点发言, 交流发言 or 点评
     * @param title its title
     * @param hasOutline whether a 发言提纲 is attached
     */
    public record SpeechFact(long id, long personId, SpeechKind kind, String title, boolean hasOutline) {}

    /**
     * One leave request.
     *
     * @param id leave request id
     * @param personId who asked
     * @param status where the request stands
     */
    public record LeaveFact(long id, long personId, LeaveStatus status) {}
}
