package cn.studyledger.material;

import cn.studyledger.material.domain.MaterialQueries;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of study materials. No scope checks here: callers check the organisation (through
 * {@code OrgApi}) before they ask, and only ask about that organisation's records.
 */
@Service
public class MaterialApi {

    private final MaterialQueries queries;

    MaterialApi(MaterialQueries queries) {
        this.queries = queries;
    }

    /** The issues of the organisation published in the year, by date. Drafts are not included. */
    public List<MaterialIssueSummary> publishedIssues(long orgId, int year) {
        return queries.publishedIssues(orgId, year);
    }
}
