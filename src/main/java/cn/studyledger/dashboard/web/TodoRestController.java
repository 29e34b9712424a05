package cn.studyledger.dashboard.web;

import cn.studyledger.common.todo.Todo;
import cn.studyledger.dashboard.domain.WorkList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's work list as JSON, for a phone shell or an office app: {@code GET /api/v1/me/todos} (in the
 * user's own organisation, or {@code ?orgCode=} one they may read), a list of {@link Todo} — kind, title, count, due
 * (ISO date), overdue, url (a page path), orgCode, year.
 */
@RestController
class TodoRestController {

    private final WorkList work;

    TodoRestController(WorkList work) {
        this.work = work;
    }

    @GetMapping("/api/v1/me/todos")
    List<Todo> todos(@RequestParam(required = false) String orgCode) {
        return orgCode == null || orgCode.isBlank() ? work.todos() : work.todos(orgCode);
    }
}
