package cn.studyledger.liaison.domain;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.common.todo.Todo;
import cn.studyledger.common.todo.TodoSource;
import cn.studyledger.org.OrgApi;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 报送 in the clerks' work lists: {@code submission.returned} (the unit's filings the superior returned, to file
 * again) and {@code submission.waiting} (the units' filings waiting for this organisation's decision).
 */
@Component
class SubmissionTodos implements TodoSource {

    private final SubmissionService submissions;
    private final OrgApi orgs;

    SubmissionTodos(SubmissionService submissions, OrgApi orgs) {
        this.submissions = submissions;
        this.orgs = orgs;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Todo> todos(TodoQuestion q) {
        if (!CurrentUser.require().hasRoleAt(Role.CLERK, orgs.get(q.orgId()).path())) {
            return List.of();
        }
        List<Todo> todos = new ArrayList<>();
        if (CurrentUser.holdsAny(Permissions.SUBMISSION_FILE)) {
            for (SubmissionViews.Filing f : submissions.returned(q.orgId())) {
                todos.add(Todo.of(
                        "submission.returned",
                        f.year() + "年" + f.kindLabel() + "被上级退回，请修改后重新报送",
                        1,
                        null,
                        q.today(),
                        "/submissions",
                        q.orgCode(),
                        f.year()));
            }
        }
        if (CurrentUser.holdsAny(Permissions.SUBMISSION_DECIDE)) {
            List<SubmissionViews.Filing> waiting = submissions.waiting(q.orgId());
            todos.addAll(Todo.perYear(
                    waiting,
                    SubmissionViews.Filing::year,
                    SubmissionViews.Filing::dueOn,
                    "submission.waiting",
                    "下属单位报送待审核",
                    "/submissions",
                    q));
        }
        return todos;
    }
}
