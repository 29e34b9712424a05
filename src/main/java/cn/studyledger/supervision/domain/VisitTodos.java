package cn.studyledger.supervision.domain;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.todo.Todo;
import cn.studyledger.common.todo.TodoSource;
import cn.studyledger.supervision.VisitStage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stage deadlines of 列席旁听 on the work list, whatever the year, each year's as an item of that year: for the
 * visited unit's clerk the 学习方案 and materials still to submit (due the working days before the session the rule
 * settings give), for the supervising organisation's clerk the submitted 学习方案 still to review (due by the
 * session) and the 小结 still to write once the session is past (due the working days after it).
 */
@Component
class VisitTodos implements TodoSource {

    private static final EnumSet<VisitStage> OPEN = EnumSet.of(
            VisitStage.PLANNED,
            VisitStage.RETURNED,
            VisitStage.MATERIALS_SUBMITTED,
            VisitStage.APPROVED,
            VisitStage.OBSERVED);

    private final VisitRepository visits;
    private final VisitDeadlines deadlines;

    VisitTodos(VisitRepository visits, VisitDeadlines deadlines) {
        this.visits = visits;
        this.deadlines = deadlines;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Todo> todos(TodoQuestion q) {
        boolean unit = CurrentUser.holdsAny(Permissions.SUPERVISION_RESPOND);
        boolean superior = CurrentUser.holdsAny(Permissions.SUPERVISION_EDIT);
        if (!unit && !superior) {
            return List.of();
        }
        List<SupervisionVisit> open = visits.findConcerningInStages(q.orgId(), OPEN);
        VisitDeadlines.Deadlines due = deadlines.current();
        List<Todo> todos = new ArrayList<>();
        if (unit) {
            perYear(
                    todos,
                    q,
                    open,
                    "supervision.materials",
                    "待报送的列席旁听学习方案",
                    v -> v.unitOrgId() == q.orgId() && v.stage().awaitsMaterials(),
                    due::materialsDue);
        }
        if (superior) {
            perYear(
                    todos,
                    q,
                    open,
                    "supervision.review",
                    "待审核的列席旁听学习方案",
                    v -> v.superiorOrgId() == q.orgId() && v.stage() == VisitStage.MATERIALS_SUBMITTED,
                    SupervisionVisit::plannedOn);
            perYear(
                    todos,
                    q,
                    open,
                    "supervision.summary",
                    "待形成的列席旁听小结",
                    v -> v.superiorOrgId() == q.orgId()
                            && (v.stage() == VisitStage.APPROVED || v.stage() == VisitStage.OBSERVED)
                            && !v.plannedOn().isAfter(q.today()),
                    due::summaryDue);
        }
        return todos;
    }

    /** One item a year for the visits that match, due with the earliest of their deadlines. */
    private static void perYear(
            List<Todo> todos,
            TodoQuestion q,
            List<SupervisionVisit> open,
            String kind,
            String title,
            Predicate<SupervisionVisit> which,
            Function<SupervisionVisit, LocalDate> dueOn) {
        todos.addAll(Todo.perYear(
                open.stream().filter(which).toList(),
                v -> v.plannedOn().getYear(),
                dueOn,
                kind,
                title,
                "/supervision",
                q));
    }
}
