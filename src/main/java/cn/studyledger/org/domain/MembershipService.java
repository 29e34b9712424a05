package cn.studyledger.org.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.jdbc.Chunks;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.GroupRole;
import cn.studyledger.org.OrgRef;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The yearly make-up of each central group: 组长, 副组长, 成员 and its 学习秘书. */
@Service
@Transactional(readOnly = true)
public class MembershipService {

    private final MembershipRepository memberships;
    private final PersonRepository people;
    private final OrgService orgs;
    private final AuditLog audit;

    MembershipService(MembershipRepository memberships, PersonRepository people, OrgService orgs, AuditLog audit) {
        this.memberships = memberships;
        this.people = people;
        this.orgs = orgs;
        this.audit = audit;
    }

    /** Everyone placed in the group for the year, leader first; no scope check (callers have done theirs). */
    public List<GroupMember> group(long orgId, int year) {
        List<Membership> rows = memberships.findByOrgIdAndYear(orgId, year);
        Map<Long, Person> byId = people
                .findByIdIn(rows.stream().map(Membership::personId).toList())
                .stream()
                .collect(Collectors.toMap(Person::getId, Function.identity()));
        return rows.stream()
                .map(m -> {
                    var p = byId.get(m.personId()).toRef();
                    return new GroupMember(p.id(), p.name(), p.position(), m.role());
                })
                .sorted(Comparator.comparing(GroupMember::role).thenComparing(GroupMember::name))
                .toList();
    }

    /** The person ids of the members (组长, 副组长, 成员) of each organisation's group for the year, by organisation. */
    public boolean isDeputy(long orgId, long personId) {
        return memberships.existsByOrgIdAndPersonIdAndRole(orgId, personId, GroupRole.DEPUTY);
    }

    public Map<Long, Set<Long>> memberIds(List<Long> orgIds, int year) {
        Map<Long, Set<Long>> members = new HashMap<>();
        for (List<Long> chunk : Chunks.of(orgIds)) {
            for (Membership m : memberships.findByYearAndOrgIdIn(year, chunk)) {
                if (m.role().isMember()) {
                    members.computeIfAbsent(m.orgId(), id -> new HashSet<>()).add(m.personId());
                }
            }
        }
        return members;
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.MEMBERSHIP_EDIT + "')")
    public void place(String orgCode, int year, long personId, GroupRole role) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        Person person = people.findById(personId).orElseThrow(() -> NotFoundException.of("人员"));
        if (person.orgId() != org.id() || !person.isActive()) {
            throw new BusinessRuleException("只能安排本单位在职人员加入中心组");
        }
        if (role == GroupRole.LEADER) {
            memberships.findByOrgIdAndYear(org.id(), year).stream()
                    .filter(m -> m.role() == GroupRole.LEADER && m.personId() != personId)
                    .findAny()
                    .ifPresent(m -> {
                        throw new BusinessRuleException(year + "年度中心组已有组长，请先调整原组长");
                    });
        }
        memberships
                .findByOrgIdAndYearAndPersonId(org.id(), year, personId)
                .ifPresentOrElse(
                        m -> m.changeRole(role),
                        () -> memberships.save(new Membership(org.id(), year, personId, role)));
        audit.record(
                AuditAction.UPDATE,
                "中心组成员",
                personId,
                year + "年度 " + orgCode + " " + person.name() + " 任" + role.label());
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.MEMBERSHIP_EDIT + "')")
    public void remove(String orgCode, int year, long personId) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        Membership membership = memberships
                .findByOrgIdAndYearAndPersonId(org.id(), year, personId)
                .orElseThrow(() -> NotFoundException.of("中心组成员"));
        memberships.delete(membership);
        audit.record(AuditAction.DELETE, "中心组成员", personId, year + "年度 " + orgCode + " 移出中心组");
    }
}
