package cn.studyledger.report.domain;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.todo.Todo;
import cn.studyledger.common.todo.TodoSource;
import cn.studyledger.report.ReportStatus;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The annual report's part of the work list: a year's report waiting for 定稿, unless the user submitted it. */
@Component
class ReportTodos implements TodoSource {

    private final AnnualReportRepository reports;

    ReportTodos(AnnualReportRepository reports) {
        this.reports = reports;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Todo> todos(TodoQuestion q) {
        if (!CurrentUser.holdsAny(Permissions.REPORT_APPROVE)) {
            return List.of();
        }
        String me = CurrentUser.require().getUsername();
        return reports.findByOrgIdAndStatusOrderByReportYear(q.orgId(), ReportStatus.SUBMITTED).stream()
                .filter(r -> !r.submitter().map(me::equals).orElse(false))
                .map(r -> Todo.of(
                        "report.submitted",
                        r.title() + "待定稿",
                        1,
                        null,
                        q.today(),
                        r.period().wholeYear()
                                ? "/report"
                                : "/report?period=" + r.period().apiName(),
                        q.orgCode(),
                        r.year()))
                .toList();
    }
}
