package cn.studyledger.research.domain;

import cn.studyledger.research.Award;
import cn.studyledger.research.SelectionStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Read models of investigations, trips, reports and the selection for pages and the API. */
public final class InvestigationViews {

    private InvestigationViews() {}

    /** A row of the investigation list. */
    public record InvestigationRow(
            long id, int year, String theme, String leadName, int members, long trips, long reports) {}

    /** Everything an investigation's page shows. */
    public record InvestigationDetail(
            long id,
            String orgCode,
            int year,
            String theme,
            long leadPersonId,
            String leadName,
            String purpose,
            List<Long> memberIds,
            String memberNames,
            long version,
            List<TripView> trips,
            List<ReportView> reports) {

        public InvestigationCommand toCommand() {
            return new InvestigationCommand(year, theme, leadPersonId, memberIds, purpose);
        }
    }

    /** A field trip. */
    public record TripView(
            long id,
            long investigationId,
            LocalDate date,
            String place,
            String findings,
            List<Long> participantIds,
            String participantNames,
            long version) {

        public TripCommand toCommand() {
            return new TripCommand(date, place, participantIds, findings);
        }
    }

    /**
     * A report.
     *
     * @param scored whether a judge has scored it (it can no longer change)
     * @param rank its place in the year's finished selection; null otherwise
     * @param award its award in the year's finished selection; null otherwise
     */
    public record ReportView(
            long id,
            long investigationId,
            String investigationTheme,
            String title,
            String field,
            List<Long> authorIds,
            String authorNames,
            Long fileId,
            String fileName,
            boolean chosen,
            boolean scored,
            Integer rank,
            Award award,
            long version) {

        public ReportCommand toCommand() {
            return new ReportCommand(title, field, authorIds);
        }
    }

    /** A criterion of the selection. */
    public record CriterionView(long id, String name, int weight) {}

    /** A judge and how far they are with scoring. */
    public record JudgeView(long personId, String name, int scored, int expected) {}

    /**
     * A report taking part, as the current user sees it.
     *
     * @param sheets judges who scored it
     * @param eligible judges who may score it (not its authors)
     * @param ownReport the current user wrote it (and so may not score it)
     * @param myScore the current judge's weighted score of it; null when not scored by them
     * @param myVersion version of the current judge's scores, for corrections; null when not scored by them
     */
    public record CandidateView(
            long reportId,
            long investigationId,
            String title,
            String field,
            String authorNames,
            int sheets,
            int eligible,
            boolean ownReport,
            BigDecimal myScore,
            Long myVersion) {}

    /** A report's place in the ranking. */
    public record RankingRow(
            Integer rank,
            long reportId,
            long investigationId,
            String title,
            String field,
            String authorNames,
            BigDecimal score,
            int sheets,
            int eligible,
            Award award) {}

    /**
     * A selection as the current user sees it. The ranking is shown to everyone once the selection is finished,
     * and to its clerk while judges are scoring.
     *
     * @param missing the scores still to be given ("评委 — 报告"), for the clerk
     * @param judge the current user is one of its judges
     * @param edits the current user is the clerk of its organisation
     */
    public record SelectionView(
            long id,
            String orgCode,
            int year,
            String title,
            SelectionStatus status,
            LocalDate finishedOn,
            long version,
            List<CriterionView> criteria,
            List<JudgeView> judges,
            List<CandidateView> reports,
            boolean rankingVisible,
            List<RankingRow> ranking,
            List<String> missing,
            boolean judge,
            boolean edits) {

        public SelectionCommand toCommand() {
            return new SelectionCommand(
                    year,
                    title,
                    criteria.stream()
                            .map(c -> new SelectionCommand.Criterion(c.name(), c.weight()))
                            .toList(),
                    judges.stream().map(JudgeView::personId).toList());
        }
    }

    /** What the scoring form of one report shows to a judge. */
    public record ScoreForm(
            long selectionId,
            String selectionTitle,
            int year,
            long reportId,
            long investigationId,
            String reportTitle,
            String field,
            String authorNames,
            Long fileId,
            List<CriterionView> criteria,
            Map<Long, Integer> scores,
            String remark,
            Long version) {}
}
