package cn.studyledger.outreach.domain;

import cn.studyledger.org.PersonRef;
import java.util.List;

/**
 * A youth theory group as pages and the API show it.
 *
 * @param leader the leader, null when none is named
 * @param members the members by name, the leader included
 * @param jointSessions how many 联学共建 sessions it is linked to
 */
public record YouthGroupView(
        long id,
        String name,
        PersonRef leader,
        List<PersonRef> members,
        boolean active,
        long jointSessions,
        long version) {

    public YouthGroupCommand toCommand() {
        return new YouthGroupCommand(
                name,
                leader == null ? null : leader.id(),
                members.stream().map(PersonRef::id).toList());
    }
}
