package cn.studyledger.supervision.domain;

import cn.studyledger.common.demo.DemoRow;
import cn.studyledger.common.demo.DemoTable;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.supervision.MaterialKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo year of supervision: X局's 2025 plan visits all six units; five visits are completed (two closed, three
 * summarised, one of them with its 小结 late), XJ-06's is still waiting for materials past their deadline, so
 * coverage is 5/6. Rectification items: closed, cancelled, awaiting closure and one overdue. The default criteria.
 */
@Component
@Profile("demo")
@Order(80)
class SupervisionDemoData implements ApplicationRunner {

    private final VisitRepository visits;
    private final RectificationRepository items;
    private final CriteriaService criteria;
    private final VisitDeadlines deadlines;
    private final FileStore files;
    private final OrgApi orgs;

    SupervisionDemoData(
            VisitRepository visits,
            RectificationRepository items,
            CriteriaService criteria,
            VisitDeadlines deadlines,
            FileStore files,
            OrgApi orgs) {
        this.visits = visits;
        this.items = items;
        this.criteria = criteria;
        this.deadlines = deadlines;
        this.files = files;
        this.orgs = orgs;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null || visits.countBySuperiorOrgId(bureau.id()) > 0) {
            return;
        }
        criteria.seedDefaults(bureau.id(), 2025);
        Map<String, Long> people = orgs.activePeople(bureau.id()).stream()
                .collect(Collectors.toMap(PersonRef::name, PersonRef::id, (a, b) -> a));
        VisitDeadlines.Deadlines days = deadlines.current();
        List<DemoRow> rectification = DemoTable.read("supervision/rectification.txt");
        for (DemoRow row : DemoTable.read("supervision/visits.txt")) {
            SupervisionVisit visit = planned(
                    bureau,
                    row.text("unit"),
                    row.date("plannedOn"),
                    row.text("title"),
                    row.text("place"),
                    group(people, row.list("observers")));
            if (row.has("submittedOn")) {
                submit(visit, row.date("submittedOn"), days, row.text("studyPlan"));
                if (row.has("returnedOn")) {
                    visit.returnForRevision(row.text("returnNote"), row.date("returnedOn"), row.text("approver"));
                    submit(visit, row.date("resubmittedOn"), days, row.text("revisedPlan"));
                }
                visit.approve(row.text("approvalNote"), row.date("approvedOn"), row.text("approver"));
                visit.observe(row.text("observation"), ratings(row.list("ratings")), row.date("observedOn"));
                visit.summarise(
                        row.text("conduct"),
                        row.text("highlights"),
                        row.text("shortcomings"),
                        row.date("summarisedOn"),
                        days.summaryDeadline(visit));
            }
            visits.save(visit);
            for (DemoRow item : rectification) {
                if (item.text("visit").equals(row.text("unit"))) {
                    items.save(item(visit, item));
                }
            }
            if (row.has("closedOn")) {
                visit.close(true, row.date("closedOn"));
            }
        }
    }

    private SupervisionVisit planned(
            OrgRef bureau, String unitCode, LocalDate plannedOn, String title, String place, Set<Long> observers) {
        OrgRef unit = orgs.findUnchecked(unitCode).orElseThrow();
        return visits.save(new SupervisionVisit(bureau.id(), unit.id(), plannedOn, title, place, observers));
    }

    private void submit(SupervisionVisit visit, LocalDate on, VisitDeadlines.Deadlines days, String studyPlan) {
        List<VisitMaterial> added = new ArrayList<>();
        if (visit.materials().isEmpty()) {
            added.add(
                    new VisitMaterial(MaterialKind.MATERIAL, text("学习材料汇编.txt", visit.sessionTitle() + "\n学习材料汇编\n")));
            added.add(new VisitMaterial(
                    MaterialKind.OUTLINE,
                    text("重点发言提纲.txt", visit.sessionTitle() + "\n重点发言提纲\n一、学习体会\n二、联系实际\n三、下一步打算\n")));
        }
        visit.submit(studyPlan, added, on, days.materialsDue(visit));
    }

    private long text(String name, String content) {
        return files.store(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), FileKind.DOCUMENTS)
                .id();
    }

    /** One score a default criterion, in their order. */
    private static List<Rating> ratings(List<String> scores) {
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            Criterion c = CriteriaSet.DEFAULTS.get(i);
            ratings.add(new Rating(c.name(), c.weight(), Integer.parseInt(scores.get(i))));
        }
        return ratings;
    }

    /** A rectification item of the visit, taken as far as its row says: completed, closed or cancelled. */
    private RectificationItem item(SupervisionVisit visit, DemoRow row) {
        RectificationItem item = new RectificationItem(
                visit.getId(),
                row.text("title"),
                unitPerson(row.text("visit"), row.text("owner")),
                row.date("dueOn"),
                row.date("raisedOn"));
        if (row.has("completedOn")) {
            item.complete(row.text("completion"), null, row.date("completedOn"), row.date("completedOn"));
        }
        if (row.has("closedOn")) {
            item.close(row.date("closedOn"), row.text("closedBy"));
        }
        if (row.has("cancelledOn")) {
            item.cancel(row.text("cancelReason"), row.date("cancelledOn"));
        }
        return item;
    }

    private long unitPerson(String unitCode, String position) {
        OrgRef unit = orgs.findUnchecked(unitCode).orElseThrow();
        return orgs.activePeople(unit.id()).stream()
                .filter(p -> position.equals(p.position()))
                .findFirst()
                .or(() -> orgs.activePeople(unit.id()).stream().findFirst())
                .orElseThrow()
                .id();
    }

    private static Set<Long> group(Map<String, Long> people, List<String> names) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String name : names) {
            Long id = people.get(name);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }
}
