package cn.studyledger.supervision.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileDownload;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.supervision.VisitPeriods;
import cn.studyledger.supervision.VisitStage;
import cn.studyledger.supervision.domain.SupervisionViews.Coverage;
import cn.studyledger.supervision.domain.SupervisionViews.CoverageRow;
import cn.studyledger.supervision.domain.SupervisionViews.CoverageStatus;
import cn.studyledger.supervision.domain.SupervisionViews.PersonOption;
import cn.studyledger.supervision.domain.SupervisionViews.VisitDetail;
import cn.studyledger.supervision.domain.SupervisionViews.VisitRow;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual visit plan of a superior organisation over its subordinate units: planning visits (its clerk), the
 * list of visits concerning an organisation, the coverage of the subordinate units, and a visit's page.
 */
@Service
@Transactional(readOnly = true)
public class VisitService {

    private final VisitRepository visits;
    private final VisitAccess access;
    private final OrgApi orgs;
    private final VisitDeadlines deadlines;
    private final FileStore files;
    private final AuditLog audit;

    VisitService(
            VisitRepository visits,
            VisitAccess access,
            OrgApi orgs,
            VisitDeadlines deadlines,
            FileStore files,
            AuditLog audit) {
        this.visits = visits;
        this.access = access;
        this.orgs = orgs;
        this.deadlines = deadlines;
        this.files = files;
        this.audit = audit;
    }

    /**
     * The organisation the current user works on here: the working organisation, or, for an observer who reads
     * no organisation's study records, the organisation of the OBSERVER grant; null when there is none.
     */
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_VIEW + "')")
    public String homeOrgCode(String workingOrgCode) {
        return access.homeOrgCode(workingOrgCode);
    }

    /**
     * One page of the year's visits concerning the organisation (those it makes and those made to it), by date.
     *
     * @param unitCode only visits to this unit; null or blank for all
     * @param stage only visits in this stage; null for all
     */
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_VIEW + "')")
    public PageResult<VisitRow> search(
            String orgCode, int year, String unitCode, VisitStage stage, int page, int size) {
        OrgRef org = access.inSight(orgCode);
        Long unitId = unitCode == null || unitCode.isBlank()
                ? null
                : orgs.findUnchecked(unitCode.trim()).map(OrgRef::id).orElse(-1L);
        var result = visits.search(
                org.id(),
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31),
                unitId,
                stage,
                PageRequest.of(Math.max(page, 0), size, Sort.by("plannedOn", "id")));
        List<VisitRow> rows = access.rows(result.getContent(), deadlines.current());
        return new PageResult<>(rows, result.getNumber(), result.getSize(), result.getTotalElements());
    }

    /** Every subordinate unit with its planned and completed visits of the year: visited / planned / not yet. */
    /** The working-day periods the organisation's visits of the year keep (rule settings 旁听小结时限). */
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_VIEW + "')")
    public VisitPeriods.Periods periods(String orgCode, int year) {
        return deadlines.periods(access.inSight(orgCode).id(), year);
    }

    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_VIEW + "')")
    public Coverage coverage(String orgCode, int year) {
        OrgRef org = access.inSight(orgCode);
        List<SupervisionVisit> planned = visits.findBySuperiorOrgIdAndPlannedOnBetweenOrderByPlannedOnAscIdAsc(
                org.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        List<CoverageRow> units = orgs.children(org.id()).stream()
                .map(unit -> {
                    List<SupervisionVisit> its = planned.stream()
                            .filter(v -> v.unitOrgId() == unit.id())
                            .toList();
                    List<SupervisionVisit> completed =
                            its.stream().filter(v -> v.stage().isCompleted()).toList();
                    SupervisionVisit first =
                            completed.isEmpty() ? (its.isEmpty() ? null : its.get(0)) : completed.get(0);
                    CoverageStatus status = !completed.isEmpty()
                            ? CoverageStatus.VISITED
                            : its.isEmpty() ? CoverageStatus.NOT_PLANNED : CoverageStatus.PLANNED;
                    return new CoverageRow(
                            unit.code(),
                            unit.name(),
                            its.size(),
                            completed.size(),
                            first == null ? null : first.getId(),
                            first == null ? null : first.plannedOn(),
                            status);
                })
                .toList();
        return new Coverage(org.code(), year, units);
    }

    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_VIEW + "')")
    public VisitDetail get(long id) {
        return access.detail(access.readable(id), deadlines.current());
    }

    /** Whether the current user plans the organisation's visits (shows the plan's buttons; not a security check). */
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_VIEW + "')")
    public boolean canPlan(String orgCode) {
        OrgRef org = access.inSight(orgCode);
        LedgerUser user = CurrentUser.require();
        return VisitAccess.has(user, Permissions.SUPERVISION_EDIT)
                && user.hasRoleAt(Role.CLERK, org.path())
                && !orgs.children(org.id()).isEmpty();
    }

    /** The active subordinate units of the organisation, to choose from when planning. */
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_VIEW + "')")
    public List<OrgRef> units(String orgCode) {
        return orgs.children(access.inSight(orgCode).id());
    }

    /** Active people of the superior organisation, who may be placed in an observer group. */
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_VIEW + "')")
    public List<PersonOption> observerCandidates(String orgCode) {
        return orgs.activePeople(access.inSight(orgCode).id()).stream()
                .map(p -> new PersonOption(p.id(), p.name(), p.position()))
                .toList();
    }

    /** Plans a visit to a subordinate unit of the organisation (its clerk). */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_EDIT + "')")
    public VisitDetail plan(String orgCode, VisitCommand command) {
        OrgRef superior = access.asPlanner(orgCode);
        OrgRef unit = subordinate(superior, command.unitCode());
        SupervisionVisit visit = visits.saveAndFlush(new SupervisionVisit(
                superior.id(),
                unit.id(),
                command.plannedOn(),
                command.sessionTitle().trim(),
                blankToNull(command.place()),
                observers(superior, command.observerPersonIds())));
        audit.record(
                AuditAction.CREATE,
                "旁听安排",
                visit.getId(),
                unit.code() + " " + command.plannedOn() + " " + visit.sessionTitle());
        return access.detail(visit, deadlines.current());
    }

    /** Changes a planned visit (date, session, observers) before the unit has submitted anything. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_EDIT + "')")
    public VisitDetail replan(long id, long expectedVersion, VisitCommand command) {
        SupervisionVisit visit = access.asPlanner(id);
        visit.checkVersion(expectedVersion);
        OrgRef superior = orgs.get(visit.superiorOrgId());
        if (!orgs.get(visit.unitOrgId()).code().equals(command.unitCode())) {
            throw new BusinessRuleException("不能更换被旁听单位，请删除后重新安排");
        }
        visit.replan(
                command.plannedOn(),
                command.sessionTitle().trim(),
                blankToNull(command.place()),
                observers(superior, command.observerPersonIds()));
        visits.flush();
        audit.record(
                AuditAction.UPDATE,
                "旁听安排",
                id,
                command.unitCode() + " " + command.plannedOn() + " " + visit.sessionTitle());
        return access.detail(visit, deadlines.current());
    }

    /** Removes a visit from the plan while nothing has been submitted for it. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_EDIT + "')")
    public void remove(long id, long expectedVersion) {
        SupervisionVisit visit = access.asPlanner(id);
        visit.checkVersion(expectedVersion);
        visit.requireRemovable();
        visits.delete(visit);
        audit.record(
                AuditAction.DELETE,
                "旁听安排",
                id,
                orgs.get(visit.unitOrgId()).code() + " " + visit.plannedOn() + " " + visit.sessionTitle());
    }

    /** A file submitted for a visit, after the scope check; the caller closes the stream. */
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_VIEW + "')")
    public FileDownload material(long visitId, long fileId) {
        SupervisionVisit visit = access.readable(visitId);
        if (visit.materials().stream().noneMatch(m -> m.fileId() == fileId)) {
            throw NotFoundException.of("材料");
        }
        return new FileDownload(files.describe(fileId), files.open(fileId));
    }

    private OrgRef subordinate(OrgRef superior, String unitCode) {
        return orgs.children(superior.id()).stream()
                .filter(u -> u.code().equals(unitCode))
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("被旁听单位须为本单位的下级单位"));
    }

    private Set<Long> observers(OrgRef superior, List<Long> personIds) {
        if (personIds == null || personIds.isEmpty()) {
            throw new BusinessRuleException("请至少安排一名旁听人员");
        }
        Set<Long> active = new LinkedHashSet<>();
        orgs.activePeople(superior.id()).stream().map(PersonRef::id).forEach(active::add);
        Set<Long> chosen = new LinkedHashSet<>(personIds);
        if (!active.containsAll(chosen)) {
            throw new BusinessRuleException("旁听人员须为本单位在职人员");
        }
        return chosen;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
