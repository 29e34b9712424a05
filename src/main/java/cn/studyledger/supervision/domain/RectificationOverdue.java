package cn.studyledger.supervision.domain;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.supervision.domain.SupervisionViews.RectificationRow;
import cn.studyledger.tracking.OverdueItem;
import cn.studyledger.tracking.OverdueProvider;
import cn.studyledger.tracking.TrackingStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision's contribution to the overdue list: open rectification items past their due date, of visits the
 * organisation makes or receives, that the current user may see.
 */
@Component
@Transactional(readOnly = true)
class RectificationOverdue implements OverdueProvider {

    static final String KIND = "supervision.rectification";

    private final RectificationRepository items;
    private final VisitRepository visits;
    private final VisitAccess access;
    private final OrgApi orgs;

    RectificationOverdue(RectificationRepository items, VisitRepository visits, VisitAccess access, OrgApi orgs) {
        this.items = items;
        this.visits = visits;
        this.access = access;
        this.orgs = orgs;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String label() {
        return "列席旁听整改事项";
    }

    @Override
    public List<OverdueItem> overdue(String orgCode, LocalDate today) {
        if (!VisitAccess.has(CurrentUser.require(), Permissions.SUPERVISION_VIEW)) {
            return List.of();
        }
        OrgRef org = orgCode == null ? null : orgs.findUnchecked(orgCode).orElse(null);
        if (orgCode != null && org == null) {
            return List.of();
        }
        List<RectificationItem> found = items.findOverdue(TrackingStatus.OPEN, today);
        Map<Long, SupervisionVisit> byId =
                visits
                        .findAllById(
                                found.stream().map(RectificationItem::visitId).collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.toMap(SupervisionVisit::getId, Function.identity()));
        List<RectificationItem> concerned = new ArrayList<>();
        for (RectificationItem item : found) {
            SupervisionVisit v = byId.get(item.visitId());
            boolean ofOrg = org == null || v.superiorOrgId() == org.id() || v.unitOrgId() == org.id();
            if (ofOrg && access.canSee(v)) {
                concerned.add(item);
            }
        }
        List<OverdueItem> result = new ArrayList<>();
        for (RectificationRow row : access.rows(concerned)) {
            SupervisionVisit v = byId.get(row.visitId());
            OrgRef unit = orgs.get(v.unitOrgId());
            result.add(new OverdueItem(
                    KIND,
                    label(),
                    row.id(),
                    unit.code(),
                    unit.name(),
                    row.title(),
                    "列席旁听：" + v.plannedOn() + " " + v.sessionTitle(),
                    row.ownerName(),
                    row.dueOn(),
                    row.daysOverdue(),
                    "/supervision/visits/" + v.getId() + "#item-" + row.id()));
        }
        return result;
    }
}
