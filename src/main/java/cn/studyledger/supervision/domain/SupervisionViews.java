package cn.studyledger.supervision.domain;

import cn.studyledger.supervision.MaterialKind;
import cn.studyledger.supervision.RectificationState;
import cn.studyledger.supervision.VisitStage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the supervision pages and the API show; records only, never entities. */
public final class SupervisionViews {

    private SupervisionViews() {}

    /** A visit in the plan's list. */
    public record VisitRow(
            long id,
            String superiorCode,
            String unitCode,
            String unitName,
            LocalDate plannedOn,
            String sessionTitle,
            String observerNames,
            VisitStage stage,
            LocalDate materialsDueOn,
            boolean materialsLate,
            LocalDate summaryDueOn,
            boolean summaryLate,
            BigDecimal weightedScore,
            int openItems,
            int overdueItems) {}

    /** Whether a subordinate unit has been visited in the year. */
    public enum CoverageStatus {
        VISITED("已旁听"),
        PLANNED("已计划"),
        NOT_PLANNED("未安排");

        private final String label;

        CoverageStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One subordinate unit in the coverage view. */
    public record CoverageRow(
            String unitCode,
            String unitName,
            int plannedVisits,
            int completedVisits,
            Long firstVisitId,
            LocalDate firstVisitOn,
            CoverageStatus status) {}

    /** The year's coverage of the subordinate units (visited / planned / not yet). */
    public record Coverage(String orgCode, int year, List<CoverageRow> units) {

        public long visited() {
            return units.stream()
                    .filter(u -> u.status() == CoverageStatus.VISITED)
                    .count();
        }

        public long plannedOnly() {
            return units.stream()
                    .filter(u -> u.status() == CoverageStatus.PLANNED)
                    .count();
        }

        public long notPlanned() {
            return units.stream()
                    .filter(u -> u.status() == CoverageStatus.NOT_PLANNED)
                    .count();
        }

        /** 全覆盖: every subordinate unit visited (and there is at least one). */
        public boolean full() {
            return !units.isEmpty() && visited() == units.size();
        }
    }

    /** A person who observes, or who may be chosen. */
    public record PersonOption(long id, String name, String position) {}

    /** A submitted file. */
    public record MaterialRow(long fileId, MaterialKind kind, String name, long size) {}

    /** A score against a criterion as rated. */
    public record RatingRow(String criterion, int weight, int score) {}

    /** A criterion of the set in use. */
    public record CriterionRow(String name, int weight) {}

    /**
     * The criteria of a superior organisation and year; {@code custom} false when the default set applies;
     * {@code version} the one to send back with a change (0 while the default set applies).
     */
    public record CriteriaView(String orgCode, int year, boolean custom, List<CriterionRow> criteria, long version) {}

    /** A rectification item. */
    public record RectificationRow(
            long id,
            long visitId,
            String title,
            long ownerPersonId,
            String ownerName,
            LocalDate dueOn,
            RectificationState state,
            boolean overdue,
            long daysOverdue,
            LocalDate doneOn,
            boolean doneOnTime,
            String evidence,
            Long evidenceFileId,
            String evidenceFileName,
            String returnComment,
            LocalDate closedOn,
            String closedBy,
            String cancelReason,
            long version) {}

    /** What the current user may do with a visit. */
    public record Abilities(boolean plan, boolean respond, boolean observe) {}

    /** Everything a visit's page shows. */
    public record VisitDetail(
            long id,
            long version,
            String superiorCode,
            String superiorName,
            String unitCode,
            String unitName,
            LocalDate plannedOn,
            String sessionTitle,
            String place,
            List<PersonOption> observers,
            VisitStage stage,
            LocalDate materialsDueOn,
            boolean materialsLate,
            String studyPlan,
            LocalDate submittedOn,
            List<MaterialRow> materials,
            String reviewComment,
            LocalDate reviewedOn,
            String reviewedBy,
            String notes,
            LocalDate observedOn,
            List<RatingRow> ratings,
            BigDecimal weightedScore,
            String summaryOverall,
            String summaryHighlights,
            String summaryProblems,
            LocalDate summarisedOn,
            LocalDate summaryDueOn,
            boolean summaryLate,
            LocalDate closedOn,
            List<RectificationRow> rectifications,
            Abilities may) {

        /** Every rectification item closed or cancelled (none at all counts too). */
        public boolean allItemsResolved() {
            return rectifications.stream().allMatch(r -> r.state().isResolved());
        }

        public int summaryLength() {
            return SupervisionVisit.length(summaryOverall)
                    + SupervisionVisit.length(summaryHighlights)
                    + SupervisionVisit.length(summaryProblems);
        }
    }
}
