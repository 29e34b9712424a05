package cn.studyledger.session.domain;

import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** Read models of sessions for pages and the API. */
public final class SessionViews {

    private SessionViews() {}

    /** A row of the session list. */
    public record SessionRow(
            long id,
            LocalDate date,
            String title,
            SessionFormat format,
            SessionStatus status,
            long present,
            long expected,
            boolean firstTopic) {}

    /** Everything a session page shows. */
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
            SessionStatus status,
            LocalDateTime heldAt,
            long version,
            List<AgendaRow> agenda,
            List<AttendanceRow> attendance) {

        public SessionCommand toCommand() {
            return new SessionCommand(
                    title,
                    date,
                    startTime,
                    durationHours,
                    place,
                    format,
                    presiderPersonId,
                    agenda.stream()
                            .map(a -> new SessionCommand.AgendaLine(a.kind(), a.title()))
                            .toList());
        }

        public boolean allRecorded() {
            return attendance.stream().allMatch(a -> a.status() != null);
        }
    }

    /** One agenda item. */
    public record AgendaRow(long id, AgendaKind kind, String title) {}

    /** One participant's attendance. */
    public record AttendanceRow(
            long personId,
            String name,
            String position,
            AttendanceStatus status,
            LocalDateTime checkInAt,
            LocalDate makeUpDoneOn,
            String makeUpNote) {}
}
