package cn.studyledger.supervision.domain;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.files.StoredFile;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.supervision.VisitStage;
import cn.studyledger.supervision.domain.SupervisionViews.Abilities;
import cn.studyledger.supervision.domain.SupervisionViews.MaterialRow;
import cn.studyledger.supervision.domain.SupervisionViews.PersonOption;
import cn.studyledger.supervision.domain.SupervisionViews.RatingRow;
import cn.studyledger.supervision.domain.SupervisionViews.RectificationRow;
import cn.studyledger.supervision.domain.SupervisionViews.VisitDetail;
import cn.studyledger.supervision.domain.SupervisionViews.VisitRow;
import cn.studyledger.tracking.Tracked;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The data scope of supervision and the one place that turns visits into what pages show. A visit is seen by
 * those who read the superior organisation's records (its clerk, 组长, the superior), by those who read the
 * visited unit's records (its clerk answers its own visits and sees no other unit's), and by observers whose
 * OBSERVER grant reaches the unit. Out of sight is 404; in sight without the role for an action is 403.
 */
@Component
class VisitAccess {

    private final VisitRepository visits;
    private final RectificationRepository items;
    private final OrgApi orgs;
    private final FileStore files;
    private final Clock clock;

    VisitAccess(VisitRepository visits, RectificationRepository items, OrgApi orgs, FileStore files, Clock clock) {
        this.visits = visits;
        this.items = items;
        this.orgs = orgs;
        this.files = files;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The organisation if the current user may see supervision records concerning it; 404 otherwise. */
    OrgRef inSight(String orgCode) {
        OrgRef org = orgs.findUnchecked(orgCode).orElseThrow(() -> NotFoundException.of("组织"));
        LedgerUser user = CurrentUser.require();
        if (!user.canRead(org.path()) && !user.hasRoleAt(Role.OBSERVER, org.path())) {
            throw NotFoundException.of("组织");
        }
        return org;
    }

    /** The organisation if the current user is its clerk (plans its visits and criteria); 404 / 403 otherwise. */
    OrgRef asPlanner(String orgCode) {
        return orgs.requireRole(orgCode, Role.CLERK);
    }

    boolean canSee(SupervisionVisit visit) {
        LedgerUser user = CurrentUser.require();
        OrgRef unit = orgs.get(visit.unitOrgId());
        return user.canRead(orgs.get(visit.superiorOrgId()).path())
                || user.canRead(unit.path())
                || user.hasRoleAt(Role.OBSERVER, unit.path());
    }

    SupervisionVisit readable(long id) {
        SupervisionVisit visit = visits.findById(id).orElseThrow(() -> NotFoundException.of("旁听安排"));
        if (!canSee(visit)) {
            throw NotFoundException.of("旁听安排");
        }
        return visit;
    }

    /** The visit if the current user is the superior organisation's clerk. */
    SupervisionVisit asPlanner(long id) {
        SupervisionVisit visit = readable(id);
        return require(visit, abilities(visit).plan());
    }

    /** The visit if the current user is the visited unit's clerk. */
    SupervisionVisit asUnit(long id) {
        SupervisionVisit visit = readable(id);
        return require(visit, abilities(visit).respond());
    }

    /** The visit if the current user is an observer whose grant reaches the visited unit. */
    SupervisionVisit asObserver(long id) {
        SupervisionVisit visit = readable(id);
        return require(visit, abilities(visit).observe());
    }

    private static SupervisionVisit require(SupervisionVisit visit, boolean allowed) {
        if (!allowed) {
            throw new AccessDeniedException("无权执行此操作");
        }
        return visit;
    }

    Abilities abilities(SupervisionVisit visit) {
        LedgerUser user = CurrentUser.require();
        OrgRef superior = orgs.get(visit.superiorOrgId());
        OrgRef unit = orgs.get(visit.unitOrgId());
        return new Abilities(
                has(user, Permissions.SUPERVISION_EDIT) && user.hasRoleAt(Role.CLERK, superior.path()),
                has(user, Permissions.SUPERVISION_RESPOND) && user.hasRoleAt(Role.CLERK, unit.path()),
                has(user, Permissions.SUPERVISION_OBSERVE) && user.hasRoleAt(Role.OBSERVER, unit.path()));
    }

    static boolean has(LedgerUser user, String permission) {
        return user.getAuthorities().stream().anyMatch(a -> permission.equals(a.getAuthority()));
    }

    /** The organisation the current user works on for supervision: the given one, or the org of an OBSERVER grant. */
    String homeOrgCode(String workingOrgCode) {
        if (workingOrgCode != null) {
            return workingOrgCode;
        }
        return CurrentUser.require().grants().stream()
                .filter(g -> g.role() == Role.OBSERVER)
                .findFirst()
                .map(g -> orgs.get(g.orgId()).code())
                .orElse(null);
    }

    Map<Long, PersonRef> people(Collection<Long> ids) {
        return orgs.people(ids);
    }

    List<RectificationRow> rectifications(Collection<SupervisionVisit> of) {
        if (of.isEmpty()) {
            return List.of();
        }
        List<RectificationItem> found = items.findByVisitIdInOrderByIdAsc(
                of.stream().map(SupervisionVisit::getId).toList());
        return rows(found);
    }

    List<RectificationRow> rows(List<RectificationItem> found) {
        LocalDate today = today();
        Map<Long, PersonRef> owners =
                orgs.people(found.stream().map(r -> r.tracked().ownerPersonId()).collect(Collectors.toSet()));
        return found.stream()
                .map(r -> {
                    Tracked t = r.tracked();
                    PersonRef owner = owners.get(t.ownerPersonId());
                    return new RectificationRow(
                            r.getId() == null ? 0 : r.getId(),
                            r.visitId(),
                            r.title(),
                            t.ownerPersonId(),
                            owner == null ? "#" + t.ownerPersonId() : owner.name(),
                            t.dueOn(),
                            r.state(),
                            r.isOverdue(today),
                            r.daysOverdue(today),
                            t.doneOn(),
                            t.isDoneOnTime(),
                            t.evidence(),
                            t.evidenceFileId(),
                            t.evidenceFileId() == null
                                    ? null
                                    : files.describe(t.evidenceFileId()).originalName(),
                            r.returnComment(),
                            r.closedOn(),
                            r.closedBy(),
                            t.cancelReason(),
                            r.getVersion());
                })
                .toList();
    }

    List<VisitRow> rows(List<SupervisionVisit> found, VisitDeadlines.Deadlines deadlines) {
        LocalDate today = today();
        Set<Long> people = new HashSet<>();
        found.forEach(v -> people.addAll(v.observerPersonIds()));
        Map<Long, PersonRef> names = orgs.people(people);
        Map<Long, List<RectificationRow>> byVisit =
                rectifications(found).stream().collect(Collectors.groupingBy(RectificationRow::visitId));
        return found.stream()
                .map(v -> {
                    OrgRef unit = orgs.get(v.unitOrgId());
                    List<RectificationRow> its = byVisit.getOrDefault(v.getId(), List.of());
                    LocalDate materialsDue = deadlines.materialsDue(v);
                    LocalDate summaryDue = deadlines.summaryDue(v);
                    return new VisitRow(
                            v.getId(),
                            orgs.get(v.superiorOrgId()).code(),
                            unit.code(),
                            unit.name(),
                            v.plannedOn(),
                            v.sessionTitle(),
                            names(v.observerPersonIds(), names),
                            v.stage(),
                            materialsDue,
                            v.stage().awaitsMaterials() && today.isAfter(materialsDue),
                            summaryDue,
                            summaryLate(v, summaryDue, today),
                            v.weightedScore(),
                            (int) its.stream()
                                    .filter(r -> !r.state().isResolved())
                                    .count(),
                            (int) its.stream().filter(RectificationRow::overdue).count());
                })
                .toList();
    }

    VisitDetail detail(SupervisionVisit v, VisitDeadlines.Deadlines deadlines) {
        LocalDate today = today();
        OrgRef superior = orgs.get(v.superiorOrgId());
        OrgRef unit = orgs.get(v.unitOrgId());
        Map<Long, PersonRef> names = orgs.people(v.observerPersonIds());
        List<PersonOption> observers = v.observerPersonIds().stream()
                .map(names::get)
                .filter(p -> p != null)
                .sorted(Comparator.comparing(PersonRef::name))
                .map(p -> new PersonOption(p.id(), p.name(), p.position()))
                .toList();
        List<MaterialRow> materials = v.materials().stream()
                .map(m -> {
                    StoredFile f = files.describe(m.fileId());
                    return new MaterialRow(m.fileId(), m.kind(), f.originalName(), f.size());
                })
                .toList();
        LocalDate materialsDue = deadlines.materialsDue(v);
        LocalDate summaryDue = deadlines.summaryDue(v);
        return new VisitDetail(
                v.getId() == null ? 0 : v.getId(),
                v.getVersion(),
                superior.code(),
                superior.name(),
                unit.code(),
                unit.name(),
                v.plannedOn(),
                v.sessionTitle(),
                v.place(),
                observers,
                v.stage(),
                materialsDue,
                v.stage().awaitsMaterials() && today.isAfter(materialsDue),
                v.studyPlan(),
                v.submittedOn(),
                materials,
                v.reviewComment(),
                v.reviewedOn(),
                v.reviewedBy(),
                v.notes(),
                v.observedOn(),
                v.ratings().stream()
                        .map(r -> new RatingRow(r.criterion(), r.weight(), r.score()))
                        .toList(),
                v.weightedScore(),
                v.summaryOverall(),
                v.summaryHighlights(),
                v.summaryProblems(),
                v.summarisedOn(),
                summaryDue,
                summaryLate(v, summaryDue, today),
                v.closedOn(),
                v.getId() == null ? List.of() : rows(items.findByVisitIdInOrderByIdAsc(List.of(v.getId()))),
                abilities(v));
    }

    /** Written late, or not yet written and already past due. */
    static boolean summaryLate(SupervisionVisit v, LocalDate due, LocalDate today) {
        if (v.summarisedOn() != null) {
            return v.isSummaryLate();
        }
        return (v.stage() == VisitStage.APPROVED || v.stage() == VisitStage.OBSERVED) && today.isAfter(due);
    }

    private static String names(Set<Long> ids, Map<Long, PersonRef> people) {
        return ids.stream()
                .map(people::get)
                .filter(p -> p != null)
                .map(PersonRef::name)
                .sorted()
                .collect(Collectors.joining("、"));
    }
}
