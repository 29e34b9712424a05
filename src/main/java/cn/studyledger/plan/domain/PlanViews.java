package cn.studyledger.plan.domain;

import cn.studyledger.plan.PlanAction;
import cn.studyledger.plan.PlanStatus;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Read models of annual plans for pages and the API. */
public final class PlanViews {

    private PlanViews() {}

    /**
     * Everything the plan page shows of one revision.
     *
     * @param latest whether this is the current plan of the year (its latest revision)
     * @param executed arrangements with at least one held linked session
     * @param revisions every revision of the year's plan, latest first
     * @param history submissions, decisions and revisions of every revision, oldest first
     * @param effectiveId the latest approved revision of the year, null when none is approved
     * @param firstSessionOn the year's first held session, null when none was held
     */
    public record PlanDetail(
            long id,
            String orgCode,
            String orgName,
            int year,
            int revision,
            PlanStatus status,
            long version,
            boolean latest,
            List<String> themes,
            List<ArrangementRow> arrangements,
            long executed,
            LocalDateTime approvedAt,
            List<RevisionRow> revisions,
            List<DecisionRow> history,
            Long effectiveId,
            Integer effectiveRevision,
            LocalDate firstSessionOn,
            Actions actions) {

        /** The twelve months, each with its arrangements (possibly none). */
        public List<MonthRow> months() {
            List<MonthRow> months = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                int month = m;
                months.add(new MonthRow(
                        month,
                        arrangements.stream().filter(a -> a.month() == month).toList()));
            }
            return months;
        }

        public ThemesCommand themesCommand() {
            return new ThemesCommand(themes);
        }

        public boolean isEffective() {
            return effectiveId != null && effectiveId == id;
        }

        /** DESIGN.md §4: the plan is approved before the year's first session. */
        public boolean approvedLate() {
            return status == PlanStatus.APPROVED
                    && revision == 1
                    && approvedAt != null
                    && firstSessionOn != null
                    && firstSessionOn.isBefore(approvedAt.toLocalDate());
        }
    }

    /** One month of the plan table. */
    public record MonthRow(int month, List<ArrangementRow> arrangements) {}

    /** One monthly arrangement with the sessions that carried it out. */
    public record ArrangementRow(
            long id,
            int month,
            String topic,
            SessionFormat format,
            Long leadPersonId,
            String leadName,
            String materials,
            List<LinkedSession> sessions,
            boolean executed) {

        public ArrangementCommand toCommand() {
            return new ArrangementCommand(id, month, topic, format, leadPersonId, materials);
        }
    }

    /** A session linked to an arrangement. */
    public record LinkedSession(long id, LocalDate date, String title, SessionFormat format, SessionStatus status) {}

    /** One revision of the year's plan. */
    public record RevisionRow(long id, int revision, PlanStatus status, LocalDateTime approvedAt, String approvedBy) {}

    /** One line of the history: who did what to which revision, when, with which comment. */
    public record DecisionRow(
            long planId,
            int revision,
            PlanAction action,
            String actorName,
            String actorUsername,
            LocalDateTime at,
            String comment) {}

    /** What the current user may do with this revision now, so pages offer only what the service allows. */
    public record Actions(boolean edit, boolean submit, boolean decide, boolean revise, boolean link) {}

    /** A session of the year offered for linking to an arrangement. */
    public record SessionChoice(
            long id,
            LocalDate date,
            String title,
            SessionFormat format,
            SessionStatus status,
            boolean linked,
            boolean sameMonth) {}
}
