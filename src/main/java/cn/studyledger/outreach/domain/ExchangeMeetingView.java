package cn.studyledger.outreach.domain;

import cn.studyledger.outreach.ExchangeRole;
import java.time.LocalDate;

/** An external experience-exchange meeting as pages and the API show it. */
public record ExchangeMeetingView(
        long id,
        LocalDate heldOn,
        String title,
        String host,
        ExchangeRole role,
        String roleLabel,
        int participants,
        String summary,
        long version) {

    public ExchangeMeetingCommand toCommand() {
        return new ExchangeMeetingCommand(title, heldOn, host, role, participants, summary);
    }
}
