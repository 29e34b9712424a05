package cn.studyledger.outreach;

import java.util.List;

/**
 * A youth theory group (青年理论学习小组) as other modules see it.
 *
 * @param id group id
 * @param name name of the group
 * @param leaderPersonId the group's leader, may be null
 * @param memberPersonIds the youth cadres in the group, the leader included
 * @param active false once the group was dissolved
 */
public record YouthGroupSummary(
        long id, String name, Long leaderPersonId, List<Long> memberPersonIds, boolean active) {}
