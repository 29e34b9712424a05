package cn.studyledger.plan.domain;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.todo.Todo;
import cn.studyledger.common.todo.TodoSource;
import cn.studyledger.plan.PlanStatus;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The plans' part of the work list: each year's plan waiting for the approver, unless they submitted it (不自批). */
@Component
class PlanTodos implements TodoSource {

    private final PlanRepository plans;

    PlanTodos(PlanRepository plans) {
        this.plans = plans;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Todo> todos(TodoQuestion q) {
        if (!CurrentUser.holdsAny(Permissions.PLAN_APPROVE)) {
            return List.of();
        }
        String me = CurrentUser.require().getUsername();
        return plans.findByOrgIdAndStatusOrderByPlanYear(q.orgId(), PlanStatus.SUBMITTED).stream()
                .filter(p -> !p.submitter().map(me::equals).orElse(false))
                .map(p -> Todo.of(
                        "plan.submitted",
                        p.year() + "年度学习计划待审批",
                        1,
                        null,
                        q.today(),
                        "/plans/" + p.getId(),
                        q.orgCode(),
                        p.year()))
                .toList();
    }
}
