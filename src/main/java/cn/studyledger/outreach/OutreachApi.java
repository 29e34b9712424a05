package cn.studyledger.outreach;

import cn.studyledger.outreach.domain.OutreachQueries;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of outreach. No scope checks here: callers check the organisation (through
 * {@code OrgApi}) before they ask, and only ask about that organisation's records.
 */
@Service
public class OutreachApi {

    private final OutreachQueries queries;

    OutreachApi(OutreachQueries queries) {
        this.queries = queries;
    }

    /** The publicity items of the organisation published in the year, by date. */
    public List<PublicitySummary> publicity(long orgId, int year) {
        return queries.publicity(orgId, year);
    }

    /** The organisation's youth theory groups, active and dissolved, by name. */
    public List<YouthGroupSummary> youthGroups(long orgId) {
        return queries.youthGroups(orgId);
    }

    /** The ids of the youth groups and branches linked to a 联学共建 session (both empty when none). */
    public JointParticipants jointParticipants(long sessionId) {
        return queries.jointParticipants(sessionId);
    }
}
