package cn.studyledger.liaison.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** What the pages and the API show of notices and their receipts. */
public final class NoticeViews {

    private NoticeViews() {}

    /** Where a target unit stands with a notice. */
    public enum State {
        UNREAD("未签收"),
        READ("已签收"),
        ACTED("已落实"),
        OVERDUE("已逾期");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A notice, with the receipts the current user may see: all of them for the issuer's readers, the own unit's for
     * a target unit's.
     */
    public record Notice(
            long id,
            long version,
            String issuerCode,
            String issuerName,
            int year,
            String title,
            String content,
            List<String> materials,
            LocalDate issuedOn,
            LocalDate dueOn,
            String issuedBy,
            int targets,
            boolean issuerView,
            List<Receipt> receipts) {}

    /** A notice in a list: the issuer's (with its counts) or a unit's inbox (with the unit's receipt). */
    public record Summary(
            long id,
            String issuerCode,
            String issuerName,
            String title,
            LocalDate issuedOn,
            LocalDate dueOn,
            int targets,
            long acknowledged,
            long acted,
            long overdue,
            Receipt receipt) {}

    /** One target unit's part: 签收, the sessions that carried the notice out, and where it stands. */
    public record Receipt(
            long id,
            long version,
            long noticeId,
            String unitCode,
            String unitName,
            LocalDateTime acknowledgedAt,
            String acknowledgedBy,
            String note,
            List<LinkedSession> sessions,
            LocalDate actedOn,
            boolean late,
            State state,
            String stateLabel) {}

    /** A unit's session linked to a notice; it carries the notice out once held. */
    public record LinkedSession(long id, String title, LocalDate date, boolean held, String url) {}

    /** The 签收 form of a target unit's clerk: the unit's receipt and the sessions it may link. */
    public record Acknowledging(Receipt receipt, List<LinkedSession> sessions) {}

    /** The issuer's view of one notice: a row per unit and the counts. */
    public record Status(
            long noticeId,
            String title,
            LocalDate dueOn,
            int targets,
            long acknowledged,
            long acted,
            long overdue,
            List<Receipt> units) {}
}
