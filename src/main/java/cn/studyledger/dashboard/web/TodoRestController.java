package cn.studyledger.dashboard.web;

import cn.studyledger.common.todo.Todo;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.dashboard.domain.WorkList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's work list as JSON, for a phone shell or an office app: {@code GET /api/v1/me/todos}, in the
 * organisation the session works in (the user's own until they switch), a list of {@link Todo} — kind, title,
 * count, due (ISO date), overdue, url (a page path), orgCode, year.
 */
@RestController
class TodoRestController {

    private final WorkList work;
    private final WorkContext context;

    TodoRestController(WorkList work, WorkContext context) {
        this.work = work;
        this.context = context;
    }

    @GetMapping("/api/v1/me/todos")
    List<Todo> todos() {
        return context.hasOrg() ? work.todos(context.orgCode()) : work.todos();
    }
}
