package cn.studyledger.outreach;

import java.util.List;

/**
 * Who took part in a 联学共建 session besides the central group.
 *
 * @param sessionId the session
 * @param youthGroupIds youth theory groups
 * @param branchIds partner Party branches
 */
public record JointParticipants(long sessionId, List<Long> youthGroupIds, List<Long> branchIds) {

    public boolean isEmpty() {
        return youthGroupIds.isEmpty() && branchIds.isEmpty();
    }
}
