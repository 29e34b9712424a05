package cn.studyledger.research;

import cn.studyledger.research.domain.ResearchQueries;
import org.springframework.stereotype.Service;

/**
 * What other modules (the rules, the report) may ask of research and investigation. No scope checks here: callers
 * check the organisation (through {@code OrgApi}) before they ask.
 */
@Service
public class ResearchApi {

    private final ResearchQueries queries;

    ResearchApi(ResearchQueries queries) {
        this.queries = queries;
    }

    /** The recommendations proposed by the organisation in the year and how many of them were adopted. */
    public AdoptionSummary adoption(long orgId, int year) {
        return queries.adoption(orgId, year);
    }

    /** Counts of the year's investigation work: investigations, field trips and reports. */
    public InvestigationSummary investigations(long orgId, int year) {
        return queries.investigations(orgId, year);
    }
}
