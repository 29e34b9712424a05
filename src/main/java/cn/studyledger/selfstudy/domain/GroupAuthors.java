package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/**
 * Whom a self-study entry or a writing is registered for: a member registers their own, the clerk any member of
 * the year's central group.
 */
final class GroupAuthors {

    private GroupAuthors() {}

    /**
     * The person asked for (oneself when none is named), checked to be a member of the group in {@code year};
     * {@code ownOnly} is the refusal for a member registering someone else.
     */
    static long author(OrgApi orgs, OrgRef org, Long requested, int year, String ownOnly) {
        LedgerUser user = CurrentUser.require();
        Long personId = requested != null ? requested : user.personId();
        if (personId == null) {
            throw new BusinessRuleException("当前账号未关联人员，请选择为哪位成员登记");
        }
        if (!personId.equals(user.personId()) && !user.hasRoleAt(Role.CLERK, org.path())) {
            throw new AccessDeniedException(ownOnly);
        }
        requireMember(orgs, org, personId, year);
        return personId;
    }

    static void requireMember(OrgApi orgs, OrgRef org, long personId, int year) {
        boolean inGroup = orgs.group(org.id(), year).stream().anyMatch(m -> m.personId() == personId);
        if (!inGroup) {
            throw new BusinessRuleException(year + "年度该人员不在本单位中心组名单中");
        }
    }

    /**
     * Whose records a list shows: for who sees the whole group, its members of the year (or the one filtered on,
     * if a member); for anyone else, their own.
     */
    static Set<Long> visible(OrgApi orgs, OrgRef org, int year, boolean seesAll, Long personFilter) {
        if (!seesAll) {
            Long me = CurrentUser.require().personId();
            return me == null ? Set.of() : Set.of(me);
        }
        Set<Long> group =
                orgs.group(org.id(), year).stream().map(GroupMember::personId).collect(Collectors.toSet());
        if (personFilter == null) {
            return group;
        }
        return group.contains(personFilter) ? Set.of(personFilter) : Set.of();
    }

    /** Refuses, as "not found", a record the user may not change: only its author and the organisation's clerk may. */
    static void requireEditable(OrgRef org, long personId, String object) {
        LedgerUser user = CurrentUser.require();
        if (!user.canRead(org.path())) {
            throw NotFoundException.of(object);
        }
        boolean own = Long.valueOf(personId).equals(user.personId());
        if (!own && !user.hasRoleAt(Role.CLERK, org.path())) {
            throw NotFoundException.of(object);
        }
    }

    /** Whether the current user reads the whole group's records of the organisation: its clerk, 组长 or a superior. */
    static boolean seesAll(OrgRef org) {
        LedgerUser user = CurrentUser.require();
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Permissions.SELFSTUDY_ALL))
                && (user.hasRoleAt(Role.CLERK, org.path())
                        || user.hasRoleAt(Role.LEADER, org.path())
                        || user.hasRoleAt(Role.SUPERIOR, org.path()));
    }

    /** Refuses, as "not found", a record the user may not read: only its author and who sees the whole group may. */
    static void requireReadable(OrgRef org, long personId, String object) {
        LedgerUser user = CurrentUser.require();
        if (!user.canRead(org.path())) {
            throw NotFoundException.of(object);
        }
        if (!Long.valueOf(personId).equals(user.personId()) && !seesAll(org)) {
            throw NotFoundException.of(object);
        }
    }
}
