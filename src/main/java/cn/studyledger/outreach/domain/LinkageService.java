package cn.studyledger.outreach.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.ConflictException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 联学联动: the youth theory groups and partner branches of an organisation, and which of them took part in
 * each of the central group's 联学共建 sessions. The clerk keeps them; everyone who reads the organisation's
 * study records sees them.
 */
@Service
@Transactional(readOnly = true)
public class LinkageService {

    static final String GROUP = "青年理论学习小组";
    static final String BRANCH = "联学党支部";
    static final String LINK = "联学共建";
    static final String READ = "hasAuthority('" + Permissions.OUTREACH_VIEW + "')";
    static final String WRITE = "hasAuthority('" + Permissions.OUTREACH_EDIT + "')";

    private final YouthGroupRepository groups;
    private final PartnerBranchRepository branches;
    private final JointLinkRepository links;
    private final SessionApi sessions;
    private final OrgApi orgs;
    private final OutreachAccess access;
    private final AuditLog audit;

    LinkageService(
            YouthGroupRepository groups,
            PartnerBranchRepository branches,
            JointLinkRepository links,
            SessionApi sessions,
            OrgApi orgs,
            OutreachAccess access,
            AuditLog audit) {
        this.groups = groups;
        this.branches = branches;
        this.links = links;
        this.sessions = sessions;
        this.orgs = orgs;
        this.access = access;
        this.audit = audit;
    }

    /** Whether the current user keeps the outreach records of this organisation (its clerk). */
    public boolean edits(String orgCode) {
        return access.edits(orgCode);
    }

    // ---- youth theory groups

    @PreAuthorize(READ)
    public List<YouthGroupView> youthGroups(String orgCode) {
        OrgRef org = access.readable(orgCode);
        return groupViews(groups.findByOrgIdOrderByNameAsc(org.id()));
    }

    @PreAuthorize(READ)
    public YouthGroupView youthGroup(long id) {
        YouthGroup group = groups.findById(id).orElseThrow(() -> NotFoundException.of(GROUP));
        access.readableRecord(group.orgId(), GROUP);
        return groupViews(List.of(group)).get(0);
    }

    /** The active youth cadres of the organisation: who may be placed in a group. */
    @PreAuthorize(WRITE)
    public List<PersonRef> youthCadres(String orgCode) {
        OrgRef org = access.clerkOf(orgCode);
        return orgs.activePeople(org.id()).stream()
                .filter(PersonRef::youthCadre)
                .toList();
    }

    @Transactional
    @PreAuthorize(WRITE)
    public YouthGroupView createGroup(String orgCode, YouthGroupCommand command) {
        OrgRef org = access.clerkOf(orgCode);
        String name = command.name().strip();
        if (groups.existsByOrgIdAndName(org.id(), name)) {
            throw new BusinessRuleException(GROUP + "“" + name + "”已存在");
        }
        Set<Long> members = members(command);
        checkMembers(org, null, members, true);
        YouthGroup group = new YouthGroup(org.id(), name, command.leaderPersonId(), members);
        groups.saveAndFlush(group);
        audit.record(
                AuditAction.CREATE,
                GROUP,
                group.getId(),
                name + "，成员" + group.memberIds().size() + "人");
        return youthGroup(group);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public YouthGroupView editGroup(long id, long expectedVersion, YouthGroupCommand command) {
        YouthGroup group = editableGroup(id);
        group.checkVersion(expectedVersion);
        OrgRef org = orgs.get(group.orgId());
        String name = command.name().strip();
        if (!name.equals(group.name()) && groups.existsByOrgIdAndName(org.id(), name)) {
            throw new BusinessRuleException(GROUP + "“" + name + "”已存在");
        }
        Set<Long> members = members(command);
        checkMembers(org, group, members, group.isActive());
        group.describe(name, command.leaderPersonId(), members);
        groups.flush();
        audit.record(
                AuditAction.UPDATE, GROUP, id, name + "，成员" + group.memberIds().size() + "人");
        return youthGroup(group);
    }

    /** Active → dissolved: the group keeps its past links but cannot be linked to further sessions. */
    @Transactional
    @PreAuthorize(WRITE)
    public YouthGroupView dissolveGroup(long id, long expectedVersion) {
        YouthGroup group = editableGroup(id);
        group.checkVersion(expectedVersion);
        group.dissolve();
        groups.flush();
        audit.record(AuditAction.UPDATE, GROUP, id, "撤销" + group.name());
        return youthGroup(group);
    }

    /** Dissolved → active; its members must not have joined another active group meanwhile. */
    @Transactional
    @PreAuthorize(WRITE)
    public YouthGroupView reviveGroup(long id, long expectedVersion) {
        YouthGroup group = editableGroup(id);
        group.checkVersion(expectedVersion);
        checkMembers(orgs.get(group.orgId()), group, new LinkedHashSet<>(group.memberIds()), true);
        group.revive();
        groups.flush();
        audit.record(AuditAction.UPDATE, GROUP, id, "恢复" + group.name());
        return youthGroup(group);
    }

    /** Deletes a group entered by mistake; one that took part in a session is dissolved instead. */
    @Transactional
    @PreAuthorize(WRITE)
    public void deleteGroup(long id) {
        YouthGroup group = editableGroup(id);
        if (links.countWithYouthGroup(id) > 0) {
            throw new BusinessRuleException(GROUP + "“" + group.name() + "”已参加联学共建，不能删除，可改为撤销");
        }
        groups.delete(group);
        audit.record(AuditAction.DELETE, GROUP, id, group.name());
    }

    // ---- partner branches

    @PreAuthorize(READ)
    public List<BranchView> branches(String orgCode) {
        OrgRef org = access.readable(orgCode);
        return branches.findByOrgIdOrderByNameAsc(org.id()).stream()
                .map(this::branchView)
                .toList();
    }

    @PreAuthorize(READ)
    public BranchView branch(long id) {
        PartnerBranch branch = branches.findById(id).orElseThrow(() -> NotFoundException.of(BRANCH));
        access.readableRecord(branch.orgId(), BRANCH);
        return branchView(branch);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public BranchView createBranch(String orgCode, BranchCommand command) {
        OrgRef org = access.clerkOf(orgCode);
        String name = command.name().strip();
        if (branches.existsByOrgIdAndName(org.id(), name)) {
            throw new BusinessRuleException("党支部“" + name + "”已登记");
        }
        PartnerBranch branch = new PartnerBranch(org.id(), name, trim(command.note()));
        branches.saveAndFlush(branch);
        audit.record(AuditAction.CREATE, BRANCH, branch.getId(), name);
        return branchView(branch);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public BranchView editBranch(long id, long expectedVersion, BranchCommand command) {
        PartnerBranch branch = editableBranch(id);
        branch.checkVersion(expectedVersion);
        String name = command.name().strip();
        if (!name.equals(branch.name()) && branches.existsByOrgIdAndName(branch.orgId(), name)) {
            throw new BusinessRuleException("党支部“" + name + "”已登记");
        }
        branch.describe(name, trim(command.note()));
        branches.flush();
        audit.record(AuditAction.UPDATE, BRANCH, id, name);
        return branchView(branch);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public BranchView retireBranch(long id, long expectedVersion) {
        PartnerBranch branch = editableBranch(id);
        branch.checkVersion(expectedVersion);
        branch.retire();
        branches.flush();
        audit.record(AuditAction.UPDATE, BRANCH, id, "停用" + branch.name());
        return branchView(branch);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public BranchView reviveBranch(long id, long expectedVersion) {
        PartnerBranch branch = editableBranch(id);
        branch.checkVersion(expectedVersion);
        branch.revive();
        branches.flush();
        audit.record(AuditAction.UPDATE, BRANCH, id, "恢复" + branch.name());
        return branchView(branch);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public void deleteBranch(long id) {
        PartnerBranch branch = editableBranch(id);
        if (links.countWithBranch(id) > 0) {
            throw new BusinessRuleException("党支部“" + branch.name() + "”已参加联学共建，不能删除，可改为停用");
        }
        branches.delete(branch);
        audit.record(AuditAction.DELETE, BRANCH, id, branch.name());
    }

    // ---- 联学共建 sessions

    /** The organisation's sessions of format 联学共建 in the year (planned and held), with their participants. */
    @PreAuthorize(READ)
    public List<JointSessionView> jointSessions(String orgCode, int year) {
        OrgRef org = access.readable(orgCode);
        List<SessionSummary> joint = sessions.sessions(org.id(), year).stream()
                .filter(s -> s.format() == SessionFormat.JOINT)
                .toList();
        Map<Long, JointLink> bySession =
                links.findBySessionIdIn(joint.stream().map(SessionSummary::id).toList()).stream()
                        .collect(Collectors.toMap(JointLink::sessionId, Function.identity()));
        return joint.stream().map(s -> jointView(s, bySession.get(s.id()))).toList();
    }

    @PreAuthorize(READ)
    public JointSessionView jointSession(long sessionId) {
        SessionSummary session = jointSessionOf(sessionId);
        access.readableRecord(session.orgId(), LINK);
        return jointView(session, links.findBySessionId(sessionId).orElse(null));
    }

    /**
     * Sets who took part in a 联学共建 session. Only sessions of that format can be linked, only to youth groups
     * and branches of the session's organisation; dissolved or retired ones stay where they were but cannot be
     * added. No participant at all removes the link. {@code expectedVersion} is the link's version the editor
     * saw, null when there was no link yet.
     */
    @Transactional
    @PreAuthorize(WRITE)
    public JointSessionView link(long sessionId, Long expectedVersion, ParticipantsCommand command) {
        SessionSummary session = jointSessionOf(sessionId);
        access.editableRecord(session.orgId(), LINK);
        Optional<JointLink> existing = links.findBySessionId(sessionId);
        if (existing.isPresent()) {
            if (expectedVersion == null) {
                throw new ConflictException();
            }
            existing.get().checkVersion(expectedVersion);
        } else if (expectedVersion != null) {
            throw new ConflictException();
        }
        Set<Long> groupIds = new LinkedHashSet<>(command.groups());
        Set<Long> branchIds = new LinkedHashSet<>(command.branches());
        for (Long id : groupIds) {
            YouthGroup group = groups.findById(id)
                    .filter(g -> g.orgId() == session.orgId())
                    .orElseThrow(() -> new BusinessRuleException("所选青年理论学习小组不属于本单位"));
            boolean wasLinked = existing.map(l -> l.hasYouthGroup(id)).orElse(false);
            if (!group.isActive() && !wasLinked) {
                throw new BusinessRuleException(GROUP + "“" + group.name() + "”已撤销，不能再参加联学共建");
            }
        }
        for (Long id : branchIds) {
            PartnerBranch branch = branches.findById(id)
                    .filter(b -> b.orgId() == session.orgId())
                    .orElseThrow(() -> new BusinessRuleException("所选党支部不属于本单位"));
            boolean wasLinked = existing.map(l -> l.hasBranch(id)).orElse(false);
            if (!branch.isActive() && !wasLinked) {
                throw new BusinessRuleException("党支部“" + branch.name() + "”已停用，不能再参加联学共建");
            }
        }
        String summary = session.date() + "《" + session.title() + "》";
        if (groupIds.isEmpty() && branchIds.isEmpty()) {
            if (existing.isPresent()) {
                links.delete(existing.get());
                links.flush();
                audit.record(AuditAction.DELETE, LINK, sessionId, summary + " 取消全部联学对象");
            }
            return jointView(session, null);
        }
        JointLink link = existing.orElseGet(() -> new JointLink(session.orgId(), sessionId));
        link.participants(groupIds, branchIds);
        links.saveAndFlush(link);
        audit.record(
                existing.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
                LINK,
                sessionId,
                summary + " 青年理论学习小组" + groupIds + "，党支部" + branchIds);
        return jointView(session, link);
    }

    /** Whether the current user may set the participants of this session (the clerk of its organisation). */
    public boolean mayLink(long sessionId) {
        return sessions.find(sessionId)
                .filter(s -> s.format() == SessionFormat.JOINT)
                .map(s -> access.mayEditRecord(s.orgId()))
                .orElse(false);
    }

    /** Youth groups and branches the clerk may tick for a session: the active ones and those already linked. */
    @PreAuthorize(WRITE)
    public Choices choices(long sessionId) {
        SessionSummary session = jointSessionOf(sessionId);
        access.editableRecord(session.orgId(), LINK);
        JointLink link = links.findBySessionId(sessionId).orElse(null);
        List<ParticipantView> groupChoices = groups.findByOrgIdOrderByNameAsc(session.orgId()).stream()
                .filter(g -> g.isActive() || (link != null && link.hasYouthGroup(g.getId())))
                .map(g -> new ParticipantView(g.getId(), g.name(), g.isActive()))
                .toList();
        List<ParticipantView> branchChoices = branches.findByOrgIdOrderByNameAsc(session.orgId()).stream()
                .filter(b -> b.isActive() || (link != null && link.hasBranch(b.getId())))
                .map(b -> new ParticipantView(b.getId(), b.name(), b.isActive()))
                .toList();
        return new Choices(groupChoices, branchChoices);
    }

    /** What the participants form offers. */
    public record Choices(List<ParticipantView> youthGroups, List<ParticipantView> branches) {}

    // ---- helpers

    private SessionSummary jointSessionOf(long sessionId) {
        SessionSummary session = sessions.find(sessionId).orElseThrow(() -> NotFoundException.of("学习活动"));
        // out of sight answers 404 before the format is judged
        access.readableRecord(session.orgId(), "学习活动");
        if (session.format() != SessionFormat.JOINT) {
            throw new BusinessRuleException("只有“联学共建”形式的学习活动才能关联青年理论学习小组和党支部");
        }
        return session;
    }

    private JointSessionView jointView(SessionSummary session, JointLink link) {
        if (link == null) {
            return new JointSessionView(session, List.of(), List.of(), null);
        }
        List<ParticipantView> groupViews = groups.findAllById(link.youthGroupIds()).stream()
                .sorted(Comparator.comparing(YouthGroup::name))
                .map(g -> new ParticipantView(g.getId(), g.name(), g.isActive()))
                .toList();
        List<ParticipantView> branchViews = branches.findAllById(link.branchIds()).stream()
                .sorted(Comparator.comparing(PartnerBranch::name))
                .map(b -> new ParticipantView(b.getId(), b.name(), b.isActive()))
                .toList();
        return new JointSessionView(session, groupViews, branchViews, link.getVersion());
    }

    private Set<Long> members(YouthGroupCommand command) {
        Set<Long> members = new LinkedHashSet<>(command.members());
        if (command.leaderPersonId() != null) {
            members.add(command.leaderPersonId());
        }
        return members;
    }

    /**
     * Members joining a group must be active youth cadres of the organisation (those already in it may stay when
     * they have since left or grown older), and an active group shares no member with another active group: a
     * youth cadre studies in one group, so that the groups' activity is not counted twice for a person.
     */
    private void checkMembers(OrgRef org, YouthGroup self, Collection<Long> members, boolean active) {
        Map<Long, PersonRef> youth = orgs.activePeople(org.id()).stream()
                .filter(PersonRef::youthCadre)
                .collect(Collectors.toMap(PersonRef::id, Function.identity()));
        Map<Long, PersonRef> known = orgs.peopleInSight(members);
        for (Long id : members) {
            if (!youth.containsKey(id) && (self == null || !self.hasMember(id))) {
                // A person out of the user's sight is reported like an unknown id, without the name.
                PersonRef person = known.get(id);
                throw new BusinessRuleException(
                        person == null
                                ? "所选人员不存在或不属于本单位，不能加入青年理论学习小组"
                                : "“" + person.name() + "”不是本单位在职的青年干部，不能加入青年理论学习小组");
            }
        }
        if (!active) {
            return;
        }
        for (YouthGroup other : groups.findByOrgIdOrderByNameAsc(org.id())) {
            if (other.isActive() && (self == null || !other.getId().equals(self.getId()))) {
                for (Long id : members) {
                    if (other.hasMember(id)) {
                        throw new BusinessRuleException(
                                "“" + known.get(id).name() + "”已是青年理论学习小组“" + other.name() + "”的成员，每人只能加入一个小组");
                    }
                }
            }
        }
    }

    private YouthGroup editableGroup(long id) {
        YouthGroup group = groups.findById(id).orElseThrow(() -> NotFoundException.of(GROUP));
        access.editableRecord(group.orgId(), GROUP);
        return group;
    }

    private PartnerBranch editableBranch(long id) {
        PartnerBranch branch = branches.findById(id).orElseThrow(() -> NotFoundException.of(BRANCH));
        access.editableRecord(branch.orgId(), BRANCH);
        return branch;
    }

    private YouthGroupView youthGroup(YouthGroup group) {
        return groupViews(List.of(group)).get(0);
    }

    private List<YouthGroupView> groupViews(List<YouthGroup> list) {
        Set<Long> ids = new HashSet<>();
        list.forEach(g -> {
            ids.addAll(g.memberIds());
            if (g.leaderPersonId() != null) {
                ids.add(g.leaderPersonId());
            }
        });
        Map<Long, PersonRef> people = orgs.people(ids);
        List<YouthGroupView> views = new ArrayList<>();
        for (YouthGroup g : list) {
            List<PersonRef> members = g.memberIds().stream()
                    .map(people::get)
                    .filter(java.util.Objects::nonNull)
                    .sorted(Comparator.comparing(
                                    (PersonRef p) -> !Long.valueOf(p.id()).equals(g.leaderPersonId()))
                            .thenComparing(PersonRef::name))
                    .toList();
            views.add(new YouthGroupView(
                    g.getId(),
                    g.name(),
                    g.leaderPersonId() == null ? null : people.get(g.leaderPersonId()),
                    members,
                    g.isActive(),
                    links.countWithYouthGroup(g.getId()),
                    g.getVersion()));
        }
        return views;
    }

    private BranchView branchView(PartnerBranch b) {
        return new BranchView(
                b.getId(), b.name(), b.note(), b.isActive(), links.countWithBranch(b.getId()), b.getVersion());
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
