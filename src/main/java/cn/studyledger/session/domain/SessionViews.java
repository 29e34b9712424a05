package cn.studyledger.session.domain;

import cn.studyledger.common.files.StoredFile;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.AttendeeRole;
import cn.studyledger.session.CheckInMethod;
import cn.studyledger.session.LearningMode;
import cn.studyledger.session.LeaveStatus;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionOrdinal;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SpeechKind;
import cn.studyledger.session.StudyPlanStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** Read models of sessions for pages and the API. */
public final class SessionViews {

    private SessionViews() {}

    /**
     * A row of the session list.
     *
     * @param ordinal 第N次 in the organisation's year, null while not held
     * @param formatOrdinal 第N次 of its format in the year, null while not held
     * @param enlarged 扩大学习
     */
    public record SessionRow(
            long id,
            LocalDate date,
            String title,
            SessionFormat format,
            SessionStatus status,
            long present,
            long expected,
            boolean firstTopic,
            Integer ordinal,
            Integer formatOrdinal,
            boolean enlarged) {

        /** The row's numbers as the list shows them; null while not held. */
        public SessionOrdinal numbering() {
            return SessionOrdinal.of(date.getYear(), ordinal, format, formatOrdinal);
        }
    }

    /**
     * Everything a session page shows.
     *
     * @param ordinal 第N次 among the organisation's sessions held in the year, given when it was held; null before
     * @param formatOrdinal 第N次 among the year's held sessions of its format; null before
     * @param enlarged 扩大学习 (non-members attending)
     */
    public record SessionDetail(
            long id,
            String orgCode,
            String title,
            LocalDate date,
            LocalTime startTime,
            BigDecimal durationHours,
            String place,
            SessionFormat format,
            Long presiderPersonId,
            String presiderName,
            Long recorderPersonId,
            String recorderName,
            Set<LearningMode> learningModes,
            Long lecturerPersonId,
            String lecturerName,
            String lectureTitle,
            SessionStatus status,
            LocalDateTime heldAt,
            long version,
            StudyPlanView studyPlan,
            String minutes,
            EvaluationView evaluation,
            List<AgendaRow> agenda,
            List<AttendanceRow> attendance,
            List<SpeechRow> speeches,
            List<StoredFile> attachments,
            List<LeaveRow> leaves,
            Cancellation cancellation,
            List<SessionCorrection> corrections,
            Integer ordinal,
            Integer formatOrdinal,
            boolean enlarged) {

        /** The session's numbers as pages and papers say them; null while not held. */
        public SessionOrdinal numbering() {
            return SessionOrdinal.of(date.getYear(), ordinal, format, formatOrdinal);
        }

        public SessionCommand toCommand() {
            return new SessionCommand(
                    title,
                    date,
                    startTime,
                    durationHours,
                    place,
                    format,
                    presiderPersonId,
                    recorderPersonId,
                    learningModes,
                    lecturerPersonId,
                    lectureTitle,
                    agenda.stream()
                            .map(a -> new SessionCommand.AgendaLine(a.kind(), a.title(), a.sourceId(), a.id()))
                            .toList(),
                    null,
                    enlarged);
        }

        public boolean allRecorded() {
            return attendance.stream().allMatch(a -> a.status() != null);
        }

        public List<AttendanceRow> members() {
            return attendance.stream()
                    .filter(a -> a.role() == AttendeeRole.MEMBER)
                    .toList();
        }

        public List<AttendanceRow> attendees() {
            return attendance.stream()
                    .filter(a -> a.role() == AttendeeRole.ATTENDEE)
                    .toList();
        }
    }

    /** The session's 学习方案 and the 组长's decision on it. */
    public record StudyPlanView(
            String text, StudyPlanStatus status, String comment, String decidedBy, LocalDateTime decidedAt) {}

    /** The presider's 学习讲评. */
    public record EvaluationView(String text, String by, LocalDateTime at) {}

    /**
     * One agenda item.
     *
     * @param sourceId the first-topic item or research topic it studies; null for text only
     */
    public record AgendaRow(long id, AgendaKind kind, String title, Long sourceId) {}

    /** One participant's attendance. */
    public record AttendanceRow(
            long personId,
            String name,
            String position,
            AttendeeRole role,
            boolean youthCadre,
            AttendanceStatus status,
            LocalDateTime checkInAt,
            CheckInMethod checkInMethod,
            LocalDate makeUpDueOn,
            LocalDate makeUpDoneOn,
            String makeUpNote) {

        /** Checked in after the session's start: late arrival is derived, not a status of its own. */
        public boolean lateFor(LocalDate date, LocalTime start) {
            return checkInAt != null && start != null && checkInAt.isAfter(date.atTime(start));
        }
    }

    /** One speech. */
    public record SpeechRow(
            long id, long personId, String speaker, SpeechKind kind, String title, Long outlineFileId) {}

    /** One leave request, with the session it asks leave of (by title and date, as users name it). */
    public record LeaveRow(
            long id,
            long sessionId,
            String sessionTitle,
            LocalDate sessionDate,
            long personId,
            String name,
            String reason,
            LeaveStatus status,
            String decidedBy,
            LocalDateTime decidedAt,
            String comment,
            long version) {}
}
