package cn.studyledger.outreach.domain;

/**
 * A partner Party branch as pages and the API show it.
 *
 * @param jointSessions how many 联学共建 sessions it is linked to
 */
public record BranchView(long id, String name, String note, boolean active, long jointSessions, long version) {

    public BranchCommand toCommand() {
        return new BranchCommand(name, note);
    }
}
