package cn.studyledger.liaison.domain;

import cn.studyledger.liaison.SubmissionKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the pages and the API show of filings (报送). */
public final class SubmissionViews {

    private SubmissionViews() {}

    /** Where a unit stands with one kind of a year. */
    public enum State {
        NOT_DUE("未到时限"),
        MISSING("逾期未报"),
        SUBMITTED("待审核"),
        ACCEPTED("已通过"),
        RETURNED("已退回");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One filing. */
    public record Filing(
            long id,
            long version,
            String unitCode,
            String unitName,
            String superiorCode,
            SubmissionKind kind,
            String kindLabel,
            int year,
            String status,
            String statusLabel,
            LocalDate submittedOn,
            String submittedBy,
            LocalDate dueOn,
            boolean onTime,
            String documentName,
            String fileUrl,
            LocalDate decidedOn,
            String decidedBy,
            String comment,
            List<Figure> figures) {}

    /** A figure frozen in a filed report. */
    public record Figure(String key, String label, String value, String unit) {}

    /** A unit's latest filing of one kind, or where it stands without one. */
    public record Cell(
            SubmissionKind kind,
            String kindLabel,
            LocalDate dueOn,
            State state,
            String stateLabel,
            boolean late,
            Long submissionId,
            Long version,
            LocalDate submittedOn,
            String comment) {}

    /** One direct subordinate unit's row of the matrix. */
    public record UnitRow(String unitCode, String unitName, Map<SubmissionKind, Cell> cells) {}

    /**
     * The matrix of an organisation's direct subordinate units × kinds for a year, the counts, and the
     * organisation's own filings to its superior (empty for a root).
     */
    public record Matrix(
            int year,
            List<UnitRow> units,
            long due,
            long filedOnTime,
            long late,
            long missing,
            long returned,
            List<Cell> own) {}
}
