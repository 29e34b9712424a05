package cn.studyledger.liaison.domain;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.common.todo.Todo;
import cn.studyledger.common.todo.TodoSource;
import cn.studyledger.liaison.domain.NoticeViews.Receipt;
import cn.studyledger.liaison.domain.NoticeViews.State;
import cn.studyledger.org.OrgApi;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 学习提示 in the unit clerk's work list: {@code notice.unread} (notices to acknowledge) and {@code notice.open}
 * (acknowledged, with a due date, and not yet carried out by a held session), each with its notice's due date.
 */
@Component
class NoticeTodos implements TodoSource {

    private final NoticeService notices;
    private final OrgApi orgs;

    NoticeTodos(NoticeService notices, OrgApi orgs) {
        this.notices = notices;
        this.orgs = orgs;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Todo> todos(TodoQuestion q) {
        if (!CurrentUser.holdsAny(Permissions.NOTICE_ACKNOWLEDGE)
                || !CurrentUser.require()
                        .hasRoleAt(Role.CLERK, orgs.get(q.orgId()).path())) {
            return List.of();
        }
        List<Todo> todos = new ArrayList<>();
        for (NoticeViews.Summary n : notices.inbox(q.orgCode(), null)) {
            Receipt r = n.receipt();
            boolean unread = r.acknowledgedAt() == null;
            if (r.state() == State.ACTED || (!unread && n.dueOn() == null)) {
                continue;
            }
            todos.add(Todo.of(
                    unread ? "notice.unread" : "notice.open",
                    "学习提示《" + n.title() + "》" + (unread ? "待签收" : "待落实"),
                    1,
                    n.dueOn(),
                    q.today(),
                    "/notices/" + n.id(),
                    q.orgCode(),
                    n.issuedOn().getYear()));
        }
        return todos;
    }
}
