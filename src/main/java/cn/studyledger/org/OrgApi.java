package cn.studyledger.org;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.domain.MembershipService;
import cn.studyledger.org.domain.OrgService;
import cn.studyledger.org.domain.PeopleDirectory;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of organisations and people: the data scope (which organisation the current
 * user may read or act in), central-group members of a year, and names of people.
 */
@Service
public class OrgApi {

    private final OrgService orgs;
    private final MembershipService memberships;
    private final PeopleDirectory people;

    OrgApi(OrgService orgs, MembershipService memberships, PeopleDirectory people) {
        this.orgs = orgs;
        this.memberships = memberships;
        this.people = people;
    }

    /** The organisation if the current user may read its study records; otherwise a 404. */
    public OrgRef requireReadable(String orgCode) {
        return orgs.requireReadable(orgCode);
    }

    /** The organisation if the current user holds the role there; 404 outside the user's sight, else 403. */
    public OrgRef requireRole(String orgCode, Role role) {
        return orgs.requireRole(orgCode, role);
    }

    /** The organisation with this id, without a scope check: for callers that checked the scope already. */
    public OrgRef get(long orgId) {
        return orgs.get(orgId);
    }

    /** The organisation with this code, without a scope check: only for system tasks such as demo data. */
    public java.util.Optional<OrgRef> findUnchecked(String orgCode) {
        return orgs.findByCode(orgCode);
    }

    /**
     * The active organisations directly under this one, by code (e.g. the subordinate units a bureau supervises),
     * without a scope check: callers checked the parent.
     */
    public List<OrgRef> children(long orgId) {
        return orgs.children(orgId);
    }

    /**
     * The active organisations anywhere below this one (every unit of its system, not itself), in tree order, read
     * in one statement, without a scope check: callers checked the organisation.
     */
    public List<OrgRef> descendants(long orgId) {
        return orgs.descendants(orgId);
    }

    /** The organisation directly above this one (from its path), without a scope check; none for a root. */
    public java.util.Optional<OrgRef> parent(long orgId) {
        String[] ids = orgs.get(orgId).path().split("/");
        // "/1/3/" splits into "", "1", "3": the parent is the one before the organisation's own id
        return ids.length < 3
                ? java.util.Optional.empty()
                : java.util.Optional.of(orgs.get(Long.parseLong(ids[ids.length - 2])));
    }

    /** Organisations whose study records the current user may read. */
    public List<OrgRef> readableOrgs() {
        return orgs.readable();
    }

    /** Everyone placed in the central group of the organisation for the year, the secretary included. */
    public List<GroupMember> group(long orgId, int year) {
        return memberships.group(orgId, year);
    }

    /** Only the members (组长, 副组长, 成员) of the group: those whose attendance and study are counted. */
    public List<GroupMember> members(long orgId, int year) {
        return group(orgId, year).stream().filter(m -> m.role().isMember()).toList();
    }

    /** Whether the person is a 副组长 of the organisation's group in any year (who may decide the 组长's leave). */
    public boolean isDeputy(long orgId, Long personId) {
        return personId != null && memberships.isDeputy(orgId, personId);
    }

    /** The person ids of the members of each organisation's group for the year, for tallying many groups at once. */
    public Map<Long, Set<Long>> memberIds(List<Long> orgIds, int year) {
        return memberships.memberIds(orgIds, year);
    }

    /**
     * People by id, for showing names beside records the caller has checked the scope of. Never for messages about
     * ids from a request: {@link #peopleInSight}.
     */
    public Map<Long, PersonRef> people(Collection<Long> ids) {
        return people.byIds(ids);
    }

    /** Names of people by id, each id once, for showing beside checked records; "#id" for someone no longer found. */
    public Map<Long, String> names(Collection<Long> ids) {
        // an id not filled in (a record without the person) names nobody, and is left out
        List<Long> given = ids.stream().filter(java.util.Objects::nonNull).toList();
        Map<Long, PersonRef> found = people(Set.copyOf(given));
        Map<Long, String> names = new LinkedHashMap<>();
        given.forEach(id -> names.put(id, found.containsKey(id) ? found.get(id).name() : "#" + id));
        return names;
    }

    /**
     * People by id as the current user may see them, for messages about ids that came with a request: a person of
     * an organisation outside the user's sight (no grant of the user covers it) is left out, so that it is
     * reported like an id that does not exist and its name never reaches the user.
     */
    public Map<Long, PersonRef> peopleInSight(Collection<Long> ids) {
        LedgerUser user = CurrentUser.find().orElse(null);
        Map<Long, String> paths = new HashMap<>();
        return people.byIds(ids).entrySet().stream()
                .filter(e -> user != null
                        && (user.isSystem()
                                || inSight(
                                        user,
                                        paths.computeIfAbsent(
                                                e.getValue().orgId(),
                                                id -> orgs.get(id).path()))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static boolean inSight(LedgerUser user, String orgPath) {
        return user.grants().stream().anyMatch(g -> g.covers(orgPath));
    }

    /**
     * Holds the person until the caller's transaction ends, so that writes adding up one person's records (the hours
     * of self-study logged for a day) take turns instead of each checking a total the other is changing.
     */
    public void lockPerson(long personId) {
        people.lock(personId);
    }

    /** Active people of an organisation, e.g. to choose a presider. */
    public List<PersonRef> activePeople(long orgId) {
        return people.active(orgId);
    }
}
