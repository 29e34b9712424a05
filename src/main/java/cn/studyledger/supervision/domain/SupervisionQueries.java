package cn.studyledger.supervision.domain;

import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.supervision.VisitSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Visits as other modules see them, through {@code SupervisionApi}. */
@Service
@Transactional(readOnly = true)
public class SupervisionQueries {

    private final VisitRepository visits;
    private final RectificationRepository items;
    private final VisitDeadlines deadlines;
    private final VisitAccess access;
    private final OrgApi orgs;

    SupervisionQueries(
            VisitRepository visits,
            RectificationRepository items,
            VisitDeadlines deadlines,
            VisitAccess access,
            OrgApi orgs) {
        this.visits = visits;
        this.items = items;
        this.deadlines = deadlines;
        this.access = access;
        this.orgs = orgs;
    }

    public List<VisitSummary> visits(long superiorOrgId, int year) {
        List<SupervisionVisit> found = year(superiorOrgId, year);
        if (found.isEmpty()) {
            return List.of();
        }
        LocalDate today = access.today();
        VisitDeadlines.Deadlines now = deadlines.current();
        Map<Long, List<RectificationItem>> byVisit =
                items
                        .findByVisitIdInOrderByIdAsc(
                                found.stream().map(SupervisionVisit::getId).toList())
                        .stream()
                        .collect(Collectors.groupingBy(RectificationItem::visitId));
        return found.stream()
                .map(v -> {
                    List<RectificationItem> its = byVisit.getOrDefault(v.getId(), List.of());
                    return new VisitSummary(
                            v.getId(),
                            v.superiorOrgId(),
                            v.unitOrgId(),
                            orgs.get(v.unitOrgId()).name(),
                            v.plannedOn(),
                            v.sessionTitle(),
                            v.stage(),
                            VisitAccess.summaryLate(v, now.summaryDue(v), today),
                            (int) its.stream().filter(i -> !i.isResolved()).count(),
                            (int) its.stream().filter(i -> i.isOverdue(today)).count());
                })
                .toList();
    }

    public List<String> unitsNotVisited(long superiorOrgId, int year) {
        Set<Long> visited = year(superiorOrgId, year).stream()
                .filter(v -> v.stage().isCompleted())
                .map(SupervisionVisit::unitOrgId)
                .collect(Collectors.toSet());
        return orgs.children(superiorOrgId).stream()
                .filter(u -> !visited.contains(u.id()))
                .map(OrgRef::code)
                .toList();
    }

    private List<SupervisionVisit> year(long superiorOrgId, int year) {
        return visits.findBySuperiorOrgIdAndPlannedOnBetweenOrderByPlannedOnAscIdAsc(
                superiorOrgId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}
