package cn.studyledger.supervision;

import cn.studyledger.supervision.domain.SupervisionQueries;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What other modules (dashboard, compliance rules, report) may ask of supervision. No scope checks here: callers
 * check the organisation (through {@code OrgApi}) before they ask.
 */
@Service
public class SupervisionApi {

    private final SupervisionQueries queries;

    SupervisionApi(SupervisionQueries queries) {
        this.queries = queries;
    }

    /** The visits a superior organisation planned for its subordinate units in the year, by date. */
    public List<VisitSummary> visits(long superiorOrgId, int year) {
        return queries.visits(superiorOrgId, year);
    }

    /**
     * Active subordinate units of the organisation without a completed visit in the year (the rule "every
     * subordinate unit visited at least once a year"), by code.
     */
    public List<String> unitsNotVisited(long superiorOrgId, int year) {
        return queries.unitsNotVisited(superiorOrgId, year);
    }
}
