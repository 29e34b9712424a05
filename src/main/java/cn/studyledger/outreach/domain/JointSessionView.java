package cn.studyledger.outreach.domain;

import cn.studyledger.session.SessionSummary;
import java.util.List;

/**
 * A 联学共建 session with the youth groups and branches that took part.
 *
 * @param linkVersion version of the link, null while nobody is linked yet
 */
public record JointSessionView(
        SessionSummary session, List<ParticipantView> youthGroups, List<ParticipantView> branches, Long linkVersion) {

    public boolean linked() {
        return !youthGroups.isEmpty() || !branches.isEmpty();
    }

    public boolean held() {
        return session.status() == cn.studyledger.session.SessionStatus.HELD;
    }
}
