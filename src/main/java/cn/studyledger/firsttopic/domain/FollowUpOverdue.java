package cn.studyledger.firsttopic.domain;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.tracking.OverdueItem;
import cn.studyledger.tracking.OverdueProvider;
import cn.studyledger.tracking.TrackingStatus;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The first topic's contribution to the overdue list: open follow-up tasks of the organisation past their due date. */
@Component
@Transactional(readOnly = true)
class FollowUpOverdue implements OverdueProvider {

    static final String KIND = "firsttopic.task";

    private final TaskRepository tasks;
    private final FollowUpQueries rows;
    private final OrgApi orgs;

    FollowUpOverdue(TaskRepository tasks, FollowUpQueries rows, OrgApi orgs) {
        this.tasks = tasks;
        this.rows = rows;
        this.orgs = orgs;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String label() {
        return "第一议题落实任务";
    }

    @Override
    public List<OverdueItem> overdue(String orgCode, LocalDate today) {
        if (orgCode == null) {
            return List.of();
        }
        LedgerUser user = CurrentUser.require();
        boolean mayView =
                user.getAuthorities().stream().anyMatch(a -> Permissions.FIRSTTOPIC_VIEW.equals(a.getAuthority()));
        OrgRef org = orgs.findUnchecked(orgCode).orElse(null);
        if (!mayView || org == null || !user.canRead(org.path())) {
            return List.of();
        }
        List<FollowUpTask> found = tasks.findByOrgIdAndTrackedStatusAndTrackedDueOnBeforeOrderByTrackedDueOnAscIdAsc(
                org.id(), TrackingStatus.OPEN, today);
        return rows.rows(found, today).stream()
                .map(t -> new OverdueItem(
                        KIND,
                        label(),
                        t.id(),
                        org.code(),
                        org.name(),
                        t.title(),
                        "第一议题：" + t.itemTitle(),
                        t.ownerName(),
                        t.dueOn(),
                        t.daysOverdue(),
                        "/firsttopic/tasks/" + t.id()))
                .toList();
    }
}
