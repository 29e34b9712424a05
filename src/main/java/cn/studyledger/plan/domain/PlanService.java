package cn.studyledger.plan.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.plan.PlanAction;
import cn.studyledger.plan.PlanStatus;
import cn.studyledger.plan.domain.PlanViews.Actions;
import cn.studyledger.plan.domain.PlanViews.ArrangementRow;
import cn.studyledger.plan.domain.PlanViews.DecisionRow;
import cn.studyledger.plan.domain.PlanViews.LinkedSession;
import cn.studyledger.plan.domain.PlanViews.PlanDetail;
import cn.studyledger.plan.domain.PlanViews.RevisionRow;
import cn.studyledger.plan.domain.PlanViews.SessionChoice;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SessionSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafting, submitting, approving, returning and revising annual plans, and linking their arrangements to the
 * sessions that carried them out. Reads need the organisation in sight; the clerk's writes need CLERK there,
 * the 组长's decisions LEADER there.
 */
@Service
@Transactional(readOnly = true)
public class PlanService {

    static final String OBJECT = "学习计划";
    static final int MAX_LINKED_SESSIONS = 20;

    private final PlanRepository plans;
    private final OrgApi orgs;
    private final SessionApi sessions;
    private final AuditLog audit;
    private final Clock clock;

    PlanService(PlanRepository plans, OrgApi orgs, SessionApi sessions, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.orgs = orgs;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** The current plan of the year (its latest revision), if one was made. */
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_VIEW + "')")
    public Optional<PlanDetail> current(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        return plans.findFirstByOrgIdAndPlanYearOrderByRevisionDesc(org.id(), year)
                .map(plan -> detail(plan, org));
    }

    /** One revision, current or historical. */
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_VIEW + "')")
    public PlanDetail get(long id) {
        AnnualPlan plan = plans.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        return detail(plan, readableOrg(plan));
    }

    /** Whether the current user may draft a plan for the organisation (the empty page's 新建 button). */
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_VIEW + "')")
    public boolean canDraft(String orgCode) {
        OrgRef org = orgs.requireReadable(orgCode);
        return CurrentUser.require().hasRoleAt(Role.CLERK, org.path());
    }

    /** Members of the plan year's central group: who may lead (领学) an arrangement. */
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_VIEW + "')")
    public List<GroupMember> leadCandidates(long planId) {
        AnnualPlan plan = plans.findById(planId).orElseThrow(() -> NotFoundException.of(OBJECT));
        readableOrg(plan);
        return orgs.members(plan.orgId(), plan.year());
    }

    /** The year's sessions to choose from when linking an arrangement, those already linked marked. */
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    public List<SessionChoice> sessionChoices(long planId, long arrangementId) {
        AnnualPlan plan = writable(planId);
        Arrangement arrangement = plan.arrangement(arrangementId);
        return sessions.sessions(plan.orgId(), plan.year()).stream()
                .map(s -> new SessionChoice(
                        s.id(),
                        s.date(),
                        s.title(),
                        s.format(),
                        s.status(),
                        arrangement.sessionIds().contains(s.id()),
                        s.date().getMonthValue() == arrangement.month()))
                .toList();
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    public PlanDetail create(String orgCode, int year, PlanCommand command) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        if (year < 2000 || year > 2100) {
            throw new BusinessRuleException("年度应在2000至2100之间");
        }
        if (plans.findFirstByOrgIdAndPlanYearOrderByRevisionDesc(org.id(), year).isPresent()) {
            throw new BusinessRuleException("本年度已有学习计划，请在现有计划上修改，或在批准后“修订”");
        }
        AnnualPlan plan = new AnnualPlan(org.id(), year);
        if (command != null) {
            plan.replaceContent(command.themes(), lines(command.arrangements(), org.id(), year));
        }
        try {
            plans.saveAndFlush(plan);
        } catch (DataIntegrityViolationException e) {
            throw new BusinessRuleException("本年度已有学习计划，请刷新页面后查看");
        }
        audit.record(AuditAction.CREATE, OBJECT, plan.getId(), org.code() + " " + year + "年度学习计划（第1版）草稿");
        return detail(plan, org);
    }

    /** Replaces themes and arrangements (the API's PUT). */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    public PlanDetail edit(long id, long expectedVersion, PlanCommand command) {
        AnnualPlan plan = writable(id);
        plan.checkVersion(expectedVersion);
        plan.replaceContent(command.themes(), lines(command.arrangements(), plan.orgId(), plan.year()));
        return saved(plan, "修改学习专题与月度安排：" + command.arrangements().size() + " 项安排");
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    public PlanDetail editThemes(long id, long expectedVersion, ThemesCommand command) {
        AnnualPlan plan = writable(id);
        plan.checkVersion(expectedVersion);
        plan.describeThemes(command.themes());
        return saved(plan, "修改学习专题：" + String.join("；", command.themes()));
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    public PlanDetail addArrangement(long id, long expectedVersion, ArrangementCommand command) {
        AnnualPlan plan = writable(id);
        plan.checkVersion(expectedVersion);
        plan.addArrangement(line(command, null, leadCandidates(plan.orgId(), plan.year())));
        return saved(plan, "新增月度安排：" + command.month() + "月 " + command.topic().trim());
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    public PlanDetail editArrangement(long id, long arrangementId, long expectedVersion, ArrangementCommand command) {
        AnnualPlan plan = writable(id);
        plan.checkVersion(expectedVersion);
        plan.editArrangement(arrangementId, line(command, arrangementId, leadCandidates(plan.orgId(), plan.year())));
        return saved(
                plan,
                "修改月度安排#" + arrangementId + "：" + command.month() + "月 "
                        + command.topic().trim());
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    public PlanDetail removeArrangement(long id, long arrangementId, long expectedVersion) {
        AnnualPlan plan = writable(id);
        plan.checkVersion(expectedVersion);
        Arrangement arrangement = plan.arrangement(arrangementId);
        String what = arrangement.month() + "月 " + arrangement.topic();
        plan.removeArrangement(arrangementId);
        return saved(plan, "删除月度安排#" + arrangementId + "：" + what);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    public PlanDetail submit(long id, long expectedVersion) {
        AnnualPlan plan = writable(id);
        plan.checkVersion(expectedVersion);
        plan.submit(actor(), now());
        return saved(plan, "提交第" + plan.revision() + "版学习计划，报组长审批");
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_APPROVE + "')")
    public PlanDetail approve(long id, long expectedVersion, String comment) {
        AnnualPlan plan = decidable(id);
        plan.checkVersion(expectedVersion);
        plan.approve(actor(), now(), comment);
        return saved(plan, "批准第" + plan.revision() + "版学习计划" + (blank(comment) ? "" : "：" + comment.trim()));
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_APPROVE + "')")
    public PlanDetail sendBack(long id, long expectedVersion, String comment) {
        AnnualPlan plan = decidable(id);
        plan.checkVersion(expectedVersion);
        plan.sendBack(actor(), now(), comment);
        return saved(plan, "退回第" + plan.revision() + "版学习计划：" + comment.trim());
    }

    /** 修订: a new draft revision copied from the approved current one, which stays in force meanwhile. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    public PlanDetail revise(long id, long expectedVersion) {
        AnnualPlan plan = writable(id);
        plan.checkVersion(expectedVersion);
        AnnualPlan latest = plans.findFirstByOrgIdAndPlanYearOrderByRevisionDesc(plan.orgId(), plan.year())
                .orElseThrow();
        if (!Objects.equals(latest.getId(), plan.getId())) {
            throw new BusinessRuleException("本年度已有更新的版本（第" + latest.revision() + "版），请在最新版本上修订");
        }
        AnnualPlan next = plan.revise(actor(), now());
        try {
            plans.saveAndFlush(next);
        } catch (DataIntegrityViolationException e) {
            throw new BusinessRuleException("本年度已有更新的版本，请刷新页面后查看");
        }
        audit.record(
                AuditAction.CREATE,
                OBJECT,
                next.getId(),
                "修订第" + plan.revision() + "版学习计划，生成第" + next.revision() + "版草稿");
        return detail(next, orgs.get(next.orgId()));
    }

    /** Plan against actual: the sessions of the plan's organisation and year that carried out an arrangement. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PLAN_EDIT + "')")
    public PlanDetail linkSessions(long id, long arrangementId, Collection<Long> sessionIds) {
        AnnualPlan plan = writable(id);
        Set<Long> wanted = new LinkedHashSet<>(sessionIds);
        wanted.remove(null);
        if (wanted.size() > MAX_LINKED_SESSIONS) {
            throw new BusinessRuleException("一项月度安排最多关联" + MAX_LINKED_SESSIONS + "次集中学习");
        }
        Set<Long> ofTheYear = sessions.sessions(plan.orgId(), plan.year()).stream()
                .map(SessionSummary::id)
                .collect(Collectors.toSet());
        if (!ofTheYear.containsAll(wanted)) {
            throw new BusinessRuleException("只能关联本单位本年度的集中学习");
        }
        plan.linkSessions(arrangementId, wanted);
        plans.flush();
        audit.record(
                AuditAction.UPDATE,
                "月度安排",
                arrangementId,
                "关联集中学习："
                        + (wanted.isEmpty()
                                ? "无"
                                : wanted.stream().map(String::valueOf).collect(Collectors.joining("、", "#", ""))));
        return detail(plan, orgs.get(plan.orgId()));
    }

    private PlanDetail saved(AnnualPlan plan, String summary) {
        plans.flush();
        audit.record(AuditAction.UPDATE, OBJECT, plan.getId(), summary);
        return detail(plan, orgs.get(plan.orgId()));
    }

    private OrgRef readableOrg(AnnualPlan plan) {
        return orgs.requireReadable(orgs.get(plan.orgId()).code());
    }

    private AnnualPlan writable(long id) {
        AnnualPlan plan = plans.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        orgs.requireRole(readableOrg(plan).code(), Role.CLERK);
        return plan;
    }

    private AnnualPlan decidable(long id) {
        AnnualPlan plan = plans.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT));
        orgs.requireRole(readableOrg(plan).code(), Role.LEADER);
        return plan;
    }

    private Set<Long> leadCandidates(long orgId, int year) {
        return orgs.members(orgId, year).stream().map(GroupMember::personId).collect(Collectors.toSet());
    }

    private List<AnnualPlan.Line> lines(List<ArrangementCommand> commands, long orgId, int year) {
        Set<Long> leads = leadCandidates(orgId, year);
        return commands.stream().map(c -> line(c, c.id(), leads)).toList();
    }

    private static AnnualPlan.Line line(ArrangementCommand c, Long id, Set<Long> leads) {
        if (c.leadPersonId() != null && !leads.contains(c.leadPersonId())) {
            throw new BusinessRuleException("领学人须为本年度中心组成员");
        }
        return new AnnualPlan.Line(
                id,
                c.month(),
                c.topic().trim(),
                c.format(),
                c.leadPersonId(),
                blank(c.materials()) ? null : c.materials().trim());
    }

    private static AnnualPlan.Actor actor() {
        LedgerUser user = CurrentUser.require();
        String name = blank(user.displayName()) ? user.getUsername() : user.displayName();
        return new AnnualPlan.Actor(user.getUsername(), name);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private PlanDetail detail(AnnualPlan plan, OrgRef org) {
        List<AnnualPlan> revisions = plans.findByOrgIdAndPlanYearOrderByRevisionDesc(plan.orgId(), plan.year());
        boolean latest = revisions.isEmpty() || Objects.equals(revisions.get(0).getId(), plan.getId());
        AnnualPlan effective = revisions.stream()
                .filter(p -> p.status() == PlanStatus.APPROVED)
                .findFirst()
                .orElse(null);
        List<SessionSummary> ofTheYear = sessions.sessions(plan.orgId(), plan.year());
        Map<Long, SessionSummary> byId =
                ofTheYear.stream().collect(Collectors.toMap(SessionSummary::id, Function.identity()));
        Set<Long> leadIds = new HashSet<>();
        plan.arrangements().forEach(a -> {
            if (a.leadPersonId() != null) {
                leadIds.add(a.leadPersonId());
            }
        });
        Map<Long, PersonRef> people = orgs.people(leadIds);
        List<ArrangementRow> rows = plan.arrangements().stream()
                .map(a -> {
                    List<LinkedSession> linked = a.sessionIds().stream()
                            .map(byId::get)
                            .filter(Objects::nonNull)
                            .sorted(Comparator.comparing(SessionSummary::date))
                            .map(s -> new LinkedSession(s.id(), s.date(), s.title(), s.format(), s.status()))
                            .toList();
                    PersonRef lead = a.leadPersonId() == null ? null : people.get(a.leadPersonId());
                    return new ArrangementRow(
                            a.id() == null ? 0 : a.id(),
                            a.month(),
                            a.topic(),
                            a.format(),
                            a.leadPersonId(),
                            lead == null ? null : lead.name(),
                            a.materials(),
                            linked,
                            linked.stream().anyMatch(s -> s.status() == SessionStatus.HELD));
                })
                .toList();
        List<RevisionRow> revisionRows = revisions.stream()
                .map(p -> {
                    PlanDecision approval = p.status() == PlanStatus.APPROVED
                            ? p.decisions().stream()
                                    .filter(d -> d.action() == PlanAction.APPROVE)
                                    .reduce((first, second) -> second)
                                    .orElse(null)
                            : null;
                    return new RevisionRow(
                            p.getId(),
                            p.revision(),
                            p.status(),
                            approval == null ? null : approval.decidedAt(),
                            approval == null ? null : approval.actorName());
                })
                .toList();
        List<DecisionRow> history = revisions.stream()
                .flatMap(p -> p.decisions().stream()
                        .map(d -> new DecisionRow(
                                p.getId(),
                                p.revision(),
                                d.action(),
                                d.actorName(),
                                d.actorUsername(),
                                d.decidedAt(),
                                d.comment())))
                .sorted(Comparator.comparing(DecisionRow::at).thenComparing(DecisionRow::revision))
                .toList();
        LocalDate firstSession = ofTheYear.stream()
                .filter(s -> s.status() == SessionStatus.HELD)
                .map(SessionSummary::date)
                .min(Comparator.naturalOrder())
                .orElse(null);
        return new PlanDetail(
                plan.getId() == null ? 0 : plan.getId(),
                org.code(),
                org.name(),
                plan.year(),
                plan.revision(),
                plan.status(),
                plan.getVersion(),
                latest,
                List.copyOf(plan.themes()),
                rows,
                rows.stream().filter(ArrangementRow::executed).count(),
                plan.approvedAt().orElse(null),
                revisionRows,
                history,
                effective == null ? null : effective.getId(),
                effective == null ? null : effective.revision(),
                firstSession,
                actions(plan, org, latest));
    }

    private static Actions actions(AnnualPlan plan, OrgRef org, boolean latest) {
        LedgerUser user = CurrentUser.require();
        boolean clerk = user.hasRoleAt(Role.CLERK, org.path());
        boolean leader = user.hasRoleAt(Role.LEADER, org.path());
        boolean edit = clerk && latest && plan.status().editable();
        return new Actions(
                edit,
                edit,
                leader
                        && plan.status() == PlanStatus.SUBMITTED
                        && !plan.submitter().orElse("").equals(user.getUsername()),
                clerk && latest && plan.status() == PlanStatus.APPROVED,
                clerk);
    }
}
