package cn.studyledger.firsttopic.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.jdbc.Like;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.firsttopic.domain.FirstTopicViews.DeploymentView;
import cn.studyledger.firsttopic.domain.FirstTopicViews.InspectionRow;
import cn.studyledger.firsttopic.domain.FirstTopicViews.ItemDetail;
import cn.studyledger.firsttopic.domain.FirstTopicViews.ItemRow;
import cn.studyledger.firsttopic.domain.FirstTopicViews.StudyOption;
import cn.studyledger.firsttopic.domain.FirstTopicViews.StudyRow;
import cn.studyledger.firsttopic.domain.FirstTopicViews.TaskRow;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.session.AgendaChanged;
import cn.studyledger.session.AgendaChoice;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AgendaSource;
import cn.studyledger.session.AgendaSummary;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of first-topic items (议题库) and the sessions that studied each item. Everyone who reads the
 * organisation's study records reads the register; only its clerk changes it. It is also the session form's source
 * of 第一议题 rows ({@link AgendaSource}): a session whose agenda chooses an item studied it.
 */
@Service
@Transactional(readOnly = true)
public class ItemService implements AgendaSource {

    private final ItemRepository items;
    private final DeploymentRepository deployments;
    private final TaskRepository tasks;
    private final InspectionRepository inspections;
    private final FollowUpQueries taskRows;
    private final StudyFacts facts;
    private final SessionApi sessions;
    private final OrgApi orgs;
    private final AuditLog audit;

    ItemService(
            ItemRepository items,
            DeploymentRepository deployments,
            TaskRepository tasks,
            InspectionRepository inspections,
            FollowUpQueries taskRows,
            StudyFacts facts,
            SessionApi sessions,
            OrgApi orgs,
            AuditLog audit) {
        this.items = items;
        this.deployments = deployments;
        this.tasks = tasks;
        this.inspections = inspections;
        this.taskRows = taskRows;
        this.facts = facts;
        this.sessions = sessions;
        this.orgs = orgs;
        this.audit = audit;
    }

    /** Whether the current user may change the first-topic records of the organisation (its clerk). */
    public boolean canEdit(String orgCode) {
        OrgRef org = orgs.requireReadable(orgCode);
        LedgerUser user = CurrentUser.require();
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Permissions.FIRSTTOPIC_EDIT))
                && user.hasRoleAt(Role.CLERK, org.path());
    }

    /**
     * One page of the register, newest first.
     *
     * @param year year of publication; null for every year
     * @param query part of the title or of the source
     */
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_VIEW + "')")
    public PageResult<ItemRow> search(String orgCode, Integer year, String query, int page, int size) {
        OrgRef org = orgs.requireReadable(orgCode);
        String q = Like.escape(query == null ? "" : query.trim());
        var result = items.search(
                org.id(),
                year == null ? LocalDate.of(1900, 1, 1) : LocalDate.of(year, 1, 1),
                year == null ? LocalDate.of(9999, 12, 31) : LocalDate.of(year, 12, 31),
                q,
                PageRequest.of(
                        Math.max(page, 0),
                        size,
                        Sort.by(Sort.Direction.DESC, "publishedOn").and(Sort.by("id"))));
        Map<Long, SessionSummary> studied = facts.sessionsOf(result.getContent());
        LocalDate today = taskRows.today();
        return PageResult.of(result, i -> {
            LocalDate first = StudyFacts.firstHeldStudy(i, studied);
            return new ItemRow(
                    i.getId(),
                    i.title(),
                    i.publishedOn(),
                    i.source(),
                    i.scope(),
                    i.studies().size(),
                    first,
                    StudyLag.days(i.publishedOn(), first),
                    StudyLag.timeliness(i.publishedOn(), first, today));
        });
    }

    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_VIEW + "')")
    public ItemDetail get(long id) {
        FirstTopicItem item = readable(id);
        return detail(item, orgs.get(item.orgId()));
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    public ItemDetail create(String orgCode, ItemCommand command) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        FirstTopicItem item = new FirstTopicItem(org.id());
        describe(item, command, null);
        items.saveAndFlush(item);
        audit.record(AuditAction.CREATE, "第一议题", item.getId(), command.publishedOn() + " " + item.title());
        return detail(item, org);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    public ItemDetail edit(long id, long expectedVersion, ItemCommand command) {
        FirstTopicItem item = writable(id);
        item.checkVersion(expectedVersion);
        describe(item, command, StudyFacts.earliestStudy(item, facts.sessionsOf(List.of(item))));
        items.flush();
        audit.record(AuditAction.UPDATE, "第一议题", id, command.publishedOn() + " " + item.title());
        return detail(item, orgs.get(item.orgId()));
    }

    /**
     * Links the item to the FIRST_TOPIC agenda item of a session of the same organisation that studied it. When
     * the command names no session, the agenda item is looked up among the sessions of the item's year of
     * publication and the year after.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    public ItemDetail link(long id, StudyCommand command) {
        FirstTopicItem item = writable(id);
        SessionSummary session = command.sessionId() != null
                ? sessions.find(command.sessionId())
                        .filter(s -> s.orgId() == item.orgId())
                        .orElseThrow(() -> new BusinessRuleException("所选学习不存在或不属于本单位"))
                : sessionOfAgendaItem(item, command.agendaItemId());
        AgendaSummary agenda = sessions.agenda(session.id()).stream()
                .filter(a -> a.id() == command.agendaItemId())
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("所选议题不属于这次学习"));
        if (agenda.kind() != AgendaKind.FIRST_TOPIC) {
            throw new BusinessRuleException(
                    "只能关联学习中类型为“第一议题”的议题，所选议题是“" + agenda.kind().label() + "”");
        }
        item.studiedIn(session.id(), agenda.id(), session.date());
        items.flush();
        audit.record(
                AuditAction.UPDATE,
                "第一议题",
                id,
                "关联学习：" + session.date() + " " + session.title() + "（议题#" + agenda.id() + "）");
        return detail(item, orgs.get(item.orgId()));
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    public ItemDetail unlink(long id, long studyId) {
        FirstTopicItem item = writable(id);
        Study removed = item.unlink(studyId);
        items.flush();
        audit.record(AuditAction.UPDATE, "第一议题", id, "取消关联学习#" + removed.sessionId());
        return detail(item, orgs.get(item.orgId()));
    }

    /**
     * The FIRST_TOPIC agenda items the item may still be linked to: of the organisation's sessions in the year
     * of publication and the year after, held on or after the publication date, not yet linked.
     */
    @PreAuthorize("hasAuthority('" + Permissions.FIRSTTOPIC_EDIT + "')")
    public List<StudyOption> studyOptions(long id) {
        FirstTopicItem item = writable(id);
        Set<Long> linked = item.studies().stream().map(Study::sessionId).collect(Collectors.toSet());
        List<StudyOption> options = new ArrayList<>();
        for (SessionSummary s : candidateSessions(item)) {
            if (linked.contains(s.id()) || s.date().isBefore(item.publishedOn())) {
                continue;
            }
            for (AgendaSummary a : sessions.agenda(s.id())) {
                if (a.kind() == AgendaKind.FIRST_TOPIC) {
                    options.add(new StudyOption(
                            s.id(),
                            a.id(),
                            s.date(),
                            s.date() + " " + s.title() + "（" + s.status().label() + "）— " + a.title()));
                }
            }
        }
        return options;
    }

    @Override
    public AgendaKind kind() {
        return AgendaKind.FIRST_TOPIC;
    }

    /**
     * The items a session of the year may study under a 第一议题 row of its form, newest first: published in the
     * year or the year before (the window {@link #studyOptions} offers sessions in).
     */
    @Override
    public List<AgendaChoice> choices(long orgId, int year) {
        return items
                .findByOrgIdAndPublishedOnBetweenOrderByPublishedOnDescIdDesc(
                        orgId, LocalDate.of(year - 1, 1, 1), LocalDate.of(year, 12, 31))
                .stream()
                .map(i -> new AgendaChoice(i.getId(), i.title()))
                .toList();
    }

    /**
     * Links the items a session's agenda chose to the session, in the session's own transaction: the item's page
     * shows the study as soon as the session is saved, and a session that is not saved links nothing.
     */
    @EventListener
    @Transactional
    void studiedOnAgenda(AgendaChanged change) {
        for (AgendaSummary row : change.chosen(AgendaKind.FIRST_TOPIC)) {
            FirstTopicItem item = items.findById(row.sourceId())
                    .filter(i -> i.orgId() == change.orgId())
                    .orElseThrow(() -> new BusinessRuleException("所选第一议题不存在或不属于本单位"));
            if (item.studies().stream().noneMatch(s -> s.sessionId() == change.sessionId())) {
                item.studiedIn(change.sessionId(), row.id(), change.date());
                items.flush();
                audit.record(
                        AuditAction.UPDATE,
                        "第一议题",
                        item.getId(),
                        "随学习议题关联学习：" + change.date() + "（议题#" + row.id() + "）");
            }
        }
    }

    private List<SessionSummary> candidateSessions(FirstTopicItem item) {
        int year = item.publishedOn().getYear();
        List<SessionSummary> candidates = new ArrayList<>(sessions.sessions(item.orgId(), year));
        candidates.addAll(sessions.sessions(item.orgId(), year + 1));
        return candidates;
    }

    private SessionSummary sessionOfAgendaItem(FirstTopicItem item, long agendaItemId) {
        for (SessionSummary s : candidateSessions(item)) {
            if (sessions.agenda(s.id()).stream().anyMatch(a -> a.id() == agendaItemId)) {
                return s;
            }
        }
        throw new BusinessRuleException("未找到所选议题对应的学习，请在发布当年或次年的学习中选择");
    }

    private static void describe(FirstTopicItem item, ItemCommand c, LocalDate earliestStudy) {
        item.describe(
                c.title().trim(),
                c.publishedOn(),
                c.source().trim(),
                c.scope(),
                blankToNull(c.summary()),
                blankToNull(c.link()),
                earliestStudy);
    }

    FirstTopicItem readable(long id) {
        FirstTopicItem item = items.findById(id).orElseThrow(() -> NotFoundException.of("第一议题"));
        orgs.requireReadable(orgs.get(item.orgId()).code());
        return item;
    }

    FirstTopicItem writable(long id) {
        FirstTopicItem item = readable(id);
        orgs.requireRole(orgs.get(item.orgId()).code(), Role.CLERK);
        return item;
    }

    private ItemDetail detail(FirstTopicItem item, OrgRef org) {
        Map<Long, SessionSummary> studied = facts.sessionsOf(List.of(item));
        List<StudyRow> studies = item.studies().stream()
                .filter(s -> studied.containsKey(s.sessionId()))
                .map(s -> {
                    SessionSummary session = studied.get(s.sessionId());
                    String agendaTitle = sessions.agenda(s.sessionId()).stream()
                            .filter(a -> a.id() == s.agendaItemId())
                            .map(AgendaSummary::title)
                            .findFirst()
                            .orElse(null);
                    return new StudyRow(
                            s.id() == null ? 0 : s.id(),
                            s.sessionId(),
                            s.agendaItemId(),
                            session.date(),
                            session.title(),
                            session.status(),
                            agendaTitle);
                })
                .sorted((a, b) -> a.sessionDate().compareTo(b.sessionDate()))
                .toList();
        LocalDate first = StudyFacts.firstHeldStudy(item, studied);
        LocalDate today = taskRows.today();
        List<Deployment> decided = deployments.findByItemIdOrderByDecidedOnAscIdAsc(item.getId());
        List<FollowUpTask> assigned = decided.isEmpty()
                ? List.of()
                : tasks.findByDeploymentIdInOrderByTrackedDueOnAscIdAsc(
                        decided.stream().map(Deployment::getId).toList());
        Map<Long, List<TaskRow>> tasksByDeployment =
                taskRows.rows(assigned, today).stream().collect(Collectors.groupingBy(TaskRow::deploymentId));
        List<DeploymentView> deploymentViews = decided.stream()
                .map(d -> new DeploymentView(
                        d.getId(),
                        d.itemId(),
                        d.decision(),
                        d.decidedOn(),
                        d.sessionId(),
                        d.sessionId() == null
                                ? null
                                : sessions.find(d.sessionId())
                                        .map(s -> s.date() + " " + s.title())
                                        .orElse(null),
                        tasksByDeployment.getOrDefault(d.getId(), List.of())))
                .toList();
        return new ItemDetail(
                item.getId() == null ? 0 : item.getId(),
                org.code(),
                item.title(),
                item.publishedOn(),
                item.source(),
                item.scope(),
                item.summary(),
                item.link(),
                item.getVersion(),
                studies,
                first,
                StudyLag.days(item.publishedOn(), first),
                StudyLag.timeliness(item.publishedOn(), first, today),
                deploymentViews,
                assigned.isEmpty()
                        ? List.of()
                        : inspections
                                .findByTaskIdInOrderByInspectedOnAscIdAsc(assigned.stream()
                                        .map(FollowUpTask::getId)
                                        .toList())
                                .stream()
                                .map(i -> new InspectionRow(
                                        i.getId(), i.taskId(), i.inspectedOn(), i.finding(), i.rating()))
                                .toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
