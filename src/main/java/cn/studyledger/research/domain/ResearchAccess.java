package cn.studyledger.research.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The data scope of research records, the people they name, and today's date in the office's time zone. */
@Component
class ResearchAccess {

    private final OrgApi orgs;
    private final Clock clock;

    ResearchAccess(OrgApi orgs, Clock clock) {
        this.orgs = orgs;
        this.clock = clock;
    }

    /** The record's organisation, if the current user may read it; otherwise 404. */
    OrgRef readable(long orgId) {
        return orgs.requireReadable(orgs.get(orgId).code());
    }

    /** The record's organisation, if the current user is its clerk; 404 outside the user's sight, else 403. */
    OrgRef writable(long orgId) {
        return orgs.requireRole(orgs.get(orgId).code(), Role.CLERK);
    }

    /**
     * The record found, if the current user may read its organisation; an unknown id and a record out of sight
     * both answer 404 as {@code what}.
     */
    <R> R readable(Optional<R> found, String what, ToLongFunction<R> orgId) {
        R record = found.orElseThrow(() -> NotFoundException.of(what));
        readable(orgId.applyAsLong(record));
        return record;
    }

    /** The record found, if the current user is the clerk of its organisation; 404 outside sight, else 403. */
    <R> R writable(Optional<R> found, String what, ToLongFunction<R> orgId) {
        R record = readable(found, what, orgId);
        writable(orgId.applyAsLong(record));
        return record;
    }

    /** Whether the current user edits the research records of the organisation (its clerk). */
    boolean edits(OrgRef org) {
        LedgerUser user = CurrentUser.require();
        return user.hasRoleAt(Role.CLERK, org.path()) && has(user, Permissions.RESEARCH_EDIT);
    }

    /** The person of the signed-in judge, when the user may judge; null otherwise. */
    Long judge() {
        LedgerUser user = CurrentUser.require();
        return has(user, Permissions.RESEARCH_JUDGE) ? user.personId() : null;
    }

    private static boolean has(LedgerUser user, String permission) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(permission));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Names of people by id ("#id" for someone no longer found). */
    Map<Long, String> names(Collection<Long> ids) {
        return orgs.names(ids);
    }

    String name(long id) {
        return names(List.of(id)).get(id);
    }

    /** Names in the order of the ids, joined with 、. */
    String joined(Collection<Long> ids) {
        Map<Long, String> names = names(ids);
        return ids.stream().map(names::get).filter(Objects::nonNull).collect(Collectors.joining("、"));
    }

    /** Refuses people who are not active people of the organisation. */
    void requireActivePeople(long orgId, Collection<Long> ids, String role) {
        Set<Long> active = orgs.activePeople(orgId).stream().map(PersonRef::id).collect(Collectors.toSet());
        for (Long id : ids) {
            if (id == null || !active.contains(id)) {
                throw new BusinessRuleException(role + "须为本单位在职人员");
            }
        }
    }

    /** Active people of the organisation, for choosing authors, participants and proposers. */
    List<PersonRef> people(long orgId) {
        return orgs.activePeople(orgId);
    }

    /** The central-group members of the year, for choosing leads and judges. */
    List<GroupMember> members(long orgId, int year) {
        return orgs.members(orgId, year);
    }
}
