package cn.studyledger.outreach.domain;

import cn.studyledger.session.SessionSummary;
import java.util.List;

/**
 * The experience-exchange meetings of a year: the central group's own held sessions of format 经验交流会 and
 * the external meetings the organisation hosted or attended.
 */
public record ExchangeOverview(List<SessionSummary> sessions, List<ExchangeMeetingView> meetings) {

    public int total() {
        return sessions.size() + meetings.size();
    }
}
