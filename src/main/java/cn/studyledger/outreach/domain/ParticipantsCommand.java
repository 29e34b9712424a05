package cn.studyledger.outreach.domain;

import java.util.List;

/** The youth groups and branches taking part in a 联学共建 session; both empty removes the link. */
public record ParticipantsCommand(List<Long> youthGroupIds, List<Long> branchIds) {

    public List<Long> groups() {
        return youthGroupIds == null ? List.of() : youthGroupIds;
    }

    public List<Long> branches() {
        return branchIds == null ? List.of() : branchIds;
    }
}
