package cn.studyledger.research.domain;

import cn.studyledger.research.AdoptionSummary;
import cn.studyledger.research.InvestigationSummary;
import cn.studyledger.research.SelectionStatus;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts of research and investigation records, without scope checks, for {@code ResearchApi} and the pages. */
@Component
@Transactional(readOnly = true)
public class ResearchQueries {

    private final RecommendationRepository recommendations;
    private final InvestigationRepository investigations;
    private final TripRepository trips;
    private final ReportRepository reports;
    private final SelectionRepository selections;

    ResearchQueries(
            RecommendationRepository recommendations,
            InvestigationRepository investigations,
            TripRepository trips,
            ReportRepository reports,
            SelectionRepository selections) {
        this.recommendations = recommendations;
        this.investigations = investigations;
        this.trips = trips;
        this.reports = reports;
        this.selections = selections;
    }

    /** The recommendations proposed in the year and how they fared. */
    public AdoptionSummary adoption(long orgId, int year) {
        return TopicService.adoption(proposedIn(orgId, year));
    }

    /** The investigations of the year with their trips and reports. */
    public InvestigationSummary investigations(long orgId, int year) {
        List<Long> ids = investigations.findByOrgIdAndYearOrderByIdAsc(orgId, year).stream()
                .map(Investigation::getId)
                .toList();
        return new InvestigationSummary(
                ids.size(),
                ids.isEmpty()
                        ? 0
                        : trips.findByInvestigationIdInOrderByDateAscIdAsc(ids).size(),
                ids.isEmpty()
                        ? 0
                        : reports.findByInvestigationIdInOrderByIdAsc(ids).size(),
                selections
                        .findByOrgIdAndYear(orgId, year)
                        .map(s -> s.status() == SelectionStatus.FINISHED)
                        .orElse(false));
    }

    List<Recommendation> proposedIn(long orgId, int year) {
        return recommendations.findByOrgIdAndProposedOnBetweenOrderByProposedOnAscIdAsc(
                orgId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}
