package cn.studyledger.firsttopic;

import cn.studyledger.firsttopic.domain.FollowUpQueries;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of the first topic. No scope checks here: callers check the organisation (through
 * {@code OrgApi}) or the person before they ask.
 */
@Service
public class FirstTopicApi {

    private final FollowUpQueries queries;

    FirstTopicApi(FollowUpQueries queries) {
        this.queries = queries;
    }

    /**
     * The organisation's items whose first held study fell in the year, with that date: the items behind the
     * median lag figure ({@code firsttopic.medianLagDays}), each item's lag being first study − publication.
     */
    public List<FirstTopicItemSummary> itemsFirstStudiedIn(long orgId, int year) {
        return queries.itemsFirstStudiedIn(orgId, year);
    }

    /** Open follow-up tasks of the organisation past their due date, oldest due first. */
    public List<FollowUpSummary> overdueTasks(long orgId) {
        return queries.overdue(orgId);
    }

    /**
     * The items of the organisation published in the year, by publication date, with the date of their first
     * held study (which may fall in the next year).
     */
    public List<FirstTopicItemSummary> itemsPublishedIn(long orgId, int year) {
        return queries.itemsPublishedIn(orgId, year);
    }

    /** Open follow-up tasks a person is responsible for, by due date. */
    public List<FollowUpSummary> openTasksOwnedBy(long personId) {
        return queries.openOwnedBy(personId);
    }
}
