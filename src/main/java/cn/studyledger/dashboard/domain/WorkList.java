package cn.studyledger.dashboard.domain;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.todo.Todo;
import cn.studyledger.common.todo.TodoSource;
import cn.studyledger.common.todo.TodoSource.TodoQuestion;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The user's work list in one organisation (首页待办, {@code GET /api/v1/me/todos}): every module's {@link TodoSource}
 * asked as of the office's today, whatever the working year, overdue items first, then by due date.
 */
@Service
public class WorkList {

    private static final Comparator<Todo> ORDER = Comparator.comparing(Todo::overdue)
            .reversed()
            .thenComparing(Todo::due, Comparator.nullsLast(Comparator.naturalOrder()));

    private final List<TodoSource> sources;
    private final OrgApi orgs;
    private final Clock clock;

    WorkList(List<TodoSource> sources, OrgApi orgs, Clock clock) {
        this.sources = sources;
        this.orgs = orgs;
        this.clock = clock;
    }

    /** The list in the organisation; 404 for one out of the user's sight. */
    public List<Todo> todos(String orgCode) {
        return todos(orgs.requireReadable(orgCode), CurrentUser.require());
    }

    /**
     * The list in the user's own organisation, for a client with no working organisation chosen; empty for an
     * account that reads no organisation's records (the administrators, an observer).
     */
    public List<Todo> todos() {
        LedgerUser user = CurrentUser.require();
        OrgRef own = orgs.get(user.orgId());
        return user.canRead(own.path()) ? todos(own, user) : List.of();
    }

    private List<Todo> todos(OrgRef org, LedgerUser user) {
        TodoQuestion question = new TodoQuestion(org.id(), org.code(), user.personId(), LocalDate.now(clock));
        List<Todo> all = new ArrayList<>();
        sources.forEach(source -> all.addAll(source.todos(question)));
        all.sort(ORDER);
        return all;
    }
}
