package cn.studyledger.session.domain;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.todo.Todo;
import cn.studyledger.common.todo.TodoSource;
import cn.studyledger.session.Participation;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.StudyPlanStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sessions' part of the work list, whatever the year: the clerk's sessions planned this month and those past
 * their date not yet marked held, the 组长's 学习方案 and leave requests to decide (never their own), and a member's
 * make-up studies still owed (by {@link Participation}, the one definition), each year's as an item of that year.
 */
@Component
class SessionTodos implements TodoSource {

    private final SessionRepository sessions;
    private final LeaveRequestRepository leaves;

    SessionTodos(SessionRepository sessions, LeaveRequestRepository leaves) {
        this.sessions = sessions;
        this.leaves = leaves;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Todo> todos(TodoQuestion q) {
        List<Todo> todos = new ArrayList<>();
        List<StudySession> waiting = CurrentUser.holdsAny(Permissions.SESSION_EDIT, Permissions.SESSION_APPROVE)
                ? sessions.findWaiting(q.orgId())
                : List.of();
        if (CurrentUser.holdsAny(Permissions.SESSION_EDIT)) {
            LocalDate monthStart = q.today().withDayOfMonth(1);
            perYear(
                    todos,
                    q,
                    waiting,
                    "session.planned",
                    "本月计划中的集中学习",
                    "/sessions?status=PLANNED",
                    s -> s.status() == SessionStatus.PLANNED
                            && !s.date().isBefore(monthStart)
                            && s.date().isBefore(monthStart.plusMonths(1)));
            perYear(
                    todos,
                    q,
                    waiting,
                    "session.unrecorded",
                    "已过日期但未标记举行的集中学习",
                    "/sessions?status=PLANNED",
                    s -> s.status() == SessionStatus.PLANNED && s.date().isBefore(q.today()));
        }
        if (CurrentUser.holdsAny(Permissions.SESSION_APPROVE)) {
            perYear(
                    todos,
                    q,
                    waiting,
                    "session.studyPlan",
                    "待审批的学习方案",
                    "/sessions",
                    s -> s.studyPlan().status() == StudyPlanStatus.SUBMITTED);
        }
        if (CurrentUser.holdsAny(Permissions.LEAVE_APPROVE)) {
            // nobody decides their own request: the 组长's own leave waits for the 副组长, not for him
            long toDecide = leaves.findPending(q.orgId()).stream()
                    .filter(l -> q.personId() == null || l.personId() != q.personId())
                    .count();
            if (toDecide > 0) {
                todos.add(new Todo("leave.pending", "待审批的请假", toDecide, null, false, "/leaves", q.orgCode(), null));
            }
        }
        if (CurrentUser.holdsAny(Permissions.LEAVE_REQUEST) && q.personId() != null) {
            Map<Integer, List<Attendance>> owed = new TreeMap<>();
            for (StudySession s : sessions.findOnLeave(q.orgId(), q.personId())) {
                s.attendance().stream()
                        .filter(a -> a.personId() == q.personId() && a.participation() == Participation.LEAVE_OPEN)
                        .forEach(a -> owed.computeIfAbsent(s.date().getYear(), y -> new ArrayList<>())
                                .add(a));
            }
            owed.forEach((year, its) -> todos.add(Todo.of(
                    "makeup.open",
                    "我待完成的补学",
                    its.size(),
                    its.stream()
                            .map(Attendance::makeUpDueOn)
                            .filter(d -> d != null)
                            .min(Comparator.naturalOrder())
                            .orElse(null),
                    q.today(),
                    "/my",
                    q.orgCode(),
                    year)));
        }
        return todos;
    }

    /** One item a year for the sessions that match, due with the earliest of them. */
    private static void perYear(
            List<Todo> todos,
            TodoQuestion q,
            List<StudySession> all,
            String kind,
            String title,
            String path,
            Predicate<StudySession> which) {
        todos.addAll(Todo.perYear(
                all.stream().filter(which).toList(),
                s -> s.date().getYear(),
                StudySession::date,
                kind,
                title,
                path,
                q));
    }
}
