package cn.studyledger.tracking.domain;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.todo.Todo;
import cn.studyledger.common.todo.TodoSource;
import cn.studyledger.tracking.OverdueItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The overdue list's part of the work list: per kind (第一议题落实任务, 列席旁听整改事项 …) how many items are past their
 * due date, whatever the year, linking to the overdue list filtered to that kind.
 */
@Component
class OverdueTodos implements TodoSource {

    private final OverdueService overdue;

    OverdueTodos(OverdueService overdue) {
        this.overdue = overdue;
    }

    @Override
    public List<Todo> todos(TodoQuestion q) {
        if (!CurrentUser.holdsAny(Permissions.FIRSTTOPIC_VIEW, Permissions.SUPERVISION_VIEW)) {
            return List.of();
        }
        Map<String, List<OverdueItem>> byKind = new LinkedHashMap<>();
        overdue.overdue(q.orgCode(), null)
                .forEach(item -> byKind.computeIfAbsent(item.kind(), k -> new ArrayList<>())
                        .add(item));
        List<Todo> todos = new ArrayList<>();
        byKind.forEach((kind, items) -> todos.add(new Todo(
                "overdue." + kind,
                "已超期的" + items.get(0).kindLabel(),
                items.size(),
                items.stream()
                        .map(OverdueItem::dueOn)
                        .min(Comparator.naturalOrder())
                        .orElse(null),
                true,
                "/tracking/overdue?kind=" + kind,
                q.orgCode(),
                null)));
        return todos;
    }
}
