package cn.studyledger.firsttopic.domain;

import cn.studyledger.firsttopic.FirstTopicItemSummary;
import cn.studyledger.firsttopic.FollowUpSummary;
import cn.studyledger.firsttopic.domain.FirstTopicViews.TaskRow;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.PersonRef;
import cn.studyledger.session.SessionSummary;
import cn.studyledger.tracking.TrackingStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Follow-up tasks as rows with their item and owner, for the services and the module's API. */
@Service
@Transactional(readOnly = true)
public class FollowUpQueries {

    private final TaskRepository tasks;
    private final DeploymentRepository deployments;
    private final ItemRepository items;
    private final OrgApi orgs;
    private final StudyFacts facts;
    private final Clock clock;

    FollowUpQueries(
            TaskRepository tasks,
            DeploymentRepository deployments,
            ItemRepository items,
            OrgApi orgs,
            StudyFacts facts,
            Clock clock) {
        this.tasks = tasks;
        this.deployments = deployments;
        this.items = items;
        this.orgs = orgs;
        this.facts = facts;
        this.clock = clock;
    }

    /** Today in the office, for what is overdue. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<FollowUpSummary> overdue(long orgId) {
        return summaries(tasks.findByOrgIdAndTrackedStatusAndTrackedDueOnBeforeOrderByTrackedDueOnAscIdAsc(
                orgId, TrackingStatus.OPEN, today()));
    }

    public List<FirstTopicItemSummary> itemsFirstStudiedIn(long orgId, int year) {
        return facts.firstStudiedIn(orgId, year);
    }

    public List<FirstTopicItemSummary> itemsPublishedIn(long orgId, int year) {
        List<FirstTopicItem> found = items.findByOrgIdAndPublishedOnBetweenOrderByPublishedOnAscIdAsc(
                orgId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Map<Long, SessionSummary> sessions = facts.sessionsOf(found);
        return found.stream()
                .map(i -> new FirstTopicItemSummary(
                        i.getId(),
                        i.orgId(),
                        i.title(),
                        i.source(),
                        i.publishedOn(),
                        StudyFacts.firstHeldStudy(i, sessions)))
                .toList();
    }

    public List<FollowUpSummary> openOwnedBy(long personId) {
        return summaries(tasks.findByTrackedOwnerPersonIdAndTrackedStatusOrderByTrackedDueOnAscIdAsc(
                personId, TrackingStatus.OPEN));
    }

    private List<FollowUpSummary> summaries(List<FollowUpTask> found) {
        Map<Long, Long> orgOf = found.stream().collect(Collectors.toMap(FollowUpTask::getId, FollowUpTask::orgId));
        return rows(found, today()).stream()
                .map(r -> new FollowUpSummary(
                        r.id(),
                        orgOf.get(r.id()),
                        r.itemTitle(),
                        r.title(),
                        r.ownerPersonId(),
                        r.dueOn(),
                        r.status(),
                        r.overdue()))
                .toList();
    }

    /** The tasks as rows, in the order given, with their item's title and their owner's name. */
    List<TaskRow> rows(List<FollowUpTask> found, LocalDate today) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, Deployment> byDeployment =
                deployments
                        .findByIdIn(
                                found.stream().map(FollowUpTask::deploymentId).collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.toMap(Deployment::getId, Function.identity()));
        Map<Long, FirstTopicItem> byItem =
                items
                        .findByIdIn(byDeployment.values().stream()
                                .map(Deployment::itemId)
                                .collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.toMap(FirstTopicItem::getId, Function.identity()));
        Set<Long> owners = found.stream().map(FollowUpTask::ownerPersonId).collect(Collectors.toSet());
        Map<Long, PersonRef> people = orgs.people(owners);
        return found.stream()
                .map(t -> {
                    Deployment d = byDeployment.get(t.deploymentId());
                    FirstTopicItem item = byItem.get(d.itemId());
                    return row(t, item, people.get(t.ownerPersonId()), today);
                })
                .toList();
    }

    static TaskRow row(FollowUpTask t, FirstTopicItem item, PersonRef owner, LocalDate today) {
        return new TaskRow(
                t.getId() == null ? 0 : t.getId(),
                item.getId(),
                item.title(),
                t.deploymentId(),
                t.title(),
                t.ownerPersonId(),
                owner == null ? "#" + t.ownerPersonId() : owner.name(),
                t.dueOn(),
                t.status(),
                t.doneOn(),
                t.isOverdue(today),
                t.daysOverdue(today),
                t.isDoneOnTime(),
                t.getVersion());
    }
}
