package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online learning (线上学习). The clerk records it for the members of the group, one row at a time or by an .xlsx
 * import; the clerk, the 组长 and superiors read the whole group's, a member reads their own.
 */
@Service
@Transactional(readOnly = true)
public class OnlineLearningService {

    static final String OBJECT = "线上学习";
    static final String READ =
            "hasAuthority('" + Permissions.SELFSTUDY_OWN + "') or hasAuthority('" + Permissions.SELFSTUDY_ALL + "')";
    static final String WRITE = "hasAuthority('" + Permissions.SELFSTUDY_ALL + "')";

    private final OnlineLearningRepository rows;
    private final OrgApi orgs;
    private final AuditLog audit;

    OnlineLearningService(OnlineLearningRepository rows, OrgApi orgs, AuditLog audit) {
        this.rows = rows;
        this.orgs = orgs;
        this.audit = audit;
    }

    /** Whether the current user reads the whole group's online learning of this organisation. */
    public boolean seesAll(String orgCode) {
        return seesAll(orgs.requireReadable(orgCode));
    }

    /** Whether the current user keeps the online learning of this organisation (its clerk). */
    public boolean edits(String orgCode) {
        OrgRef org = orgs.requireReadable(orgCode);
        return CurrentUser.require().hasRoleAt(Role.CLERK, org.path());
    }

    @PreAuthorize(READ)
    public PageResult<OnlineLearningRow> search(String orgCode, int year, Long personFilter, int page, int size) {
        OrgRef org = orgs.requireReadable(orgCode);
        Set<Long> visible = visible(org, year, personFilter);
        if (visible.isEmpty()) {
            return new PageResult<>(List.of(), 0, size, 0);
        }
        var result = rows.search(
                org.id(),
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31),
                visible,
                PageRequest.of(
                        Math.max(page, 0),
                        size,
                        Sort.by(Sort.Direction.DESC, "periodStart").and(Sort.by("id"))));
        Map<Long, PersonRef> people = orgs.people(visible);
        return PageResult.of(result, o -> row(o, people));
    }

    @Transactional
    @PreAuthorize(WRITE)
    public OnlineLearningRow create(String orgCode, OnlineLearningCommand command) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        OnlineLearning.checkPeriod(command.periodStart(), command.periodEnd());
        String platform = command.platform().trim();
        if (orgs.group(org.id(), command.periodStart().getYear()).stream()
                .noneMatch(m -> m.personId() == command.personId())) {
            throw new BusinessRuleException(command.periodStart().getYear() + "年度该人员不在本单位中心组名单中");
        }
        if (isDuplicate(org.id(), command.personId(), platform, command.periodStart(), command.periodEnd())) {
            throw new BusinessRuleException("该成员在“" + platform + "”同一期间的记录已存在");
        }
        OnlineLearning saved = rows.saveAndFlush(new OnlineLearning(
                org.id(),
                command.personId(),
                platform,
                command.periodStart(),
                command.periodEnd(),
                command.personTimes(),
                command.points()));
        audit.record(AuditAction.CREATE, OBJECT, saved.getId(), summary(saved));
        return row(saved, orgs.people(Set.of(saved.personId())));
    }

    @Transactional
    @PreAuthorize(WRITE)
    public void delete(long id) {
        OnlineLearning row = rows.findById(id).orElseThrow(() -> NotFoundException.of(OBJECT + "记录"));
        OrgRef org = orgs.get(row.orgId());
        LedgerUser user = CurrentUser.require();
        if (!user.canRead(org.path()) || !user.hasRoleAt(Role.CLERK, org.path())) {
            throw NotFoundException.of(OBJECT + "记录");
        }
        rows.delete(row);
        audit.record(AuditAction.DELETE, OBJECT, id, summary(row));
    }

    /** The sum of person-times the current user sees for the year (the whole group's for those who see all). */
    @PreAuthorize(READ)
    public long personTimes(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        Set<Long> visible = visible(org, year, null);
        return rows.findForFigure(org.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .filter(o -> visible.contains(o.personId()))
                .mapToLong(OnlineLearning::personTimes)
                .sum();
    }

    /** The group of the year: whom the clerk may record online learning for, and the list's person filter. */
    public List<GroupMember> group(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        return seesAll(org) ? orgs.group(org.id(), year) : List.of();
    }

    boolean isDuplicate(long orgId, long personId, String platform, LocalDate start, LocalDate end) {
        return rows.existsByOrgIdAndPersonIdAndPlatformAndPeriodStartAndPeriodEnd(
                orgId, personId, platform, start, end);
    }

    /** Saves rows the importer has checked, with one audit line; runs inside the importer's transaction. */
    int saveImported(OrgRef org, List<OnlineLearning> imported) {
        rows.saveAllAndFlush(imported);
        audit.record(
                AuditAction.CREATE,
                OBJECT,
                null,
                "导入线上学习 " + imported.size() + " 条（" + org.code() + "），合计"
                        + imported.stream()
                                .mapToLong(OnlineLearning::personTimes)
                                .sum() + "人次");
        return imported.size();
    }

    private Set<Long> visible(OrgRef org, int year, Long personFilter) {
        if (seesAll(org)) {
            Set<Long> group = orgs.group(org.id(), year).stream()
                    .map(GroupMember::personId)
                    .collect(Collectors.toSet());
            if (personFilter != null) {
                return group.contains(personFilter) ? Set.of(personFilter) : Set.of();
            }
            return group;
        }
        Long me = CurrentUser.require().personId();
        return me == null ? Set.of() : Set.of(me);
    }

    private static boolean seesAll(OrgRef org) {
        LedgerUser user = CurrentUser.require();
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Permissions.SELFSTUDY_ALL))
                && (user.hasRoleAt(Role.CLERK, org.path())
                        || user.hasRoleAt(Role.LEADER, org.path())
                        || user.hasRoleAt(Role.SUPERIOR, org.path()));
    }

    private static String summary(OnlineLearning o) {
        return "人员#" + o.personId() + " " + o.platform() + " " + o.periodStart() + "至" + o.periodEnd() + " "
                + o.personTimes() + "人次 " + o.points() + "积分";
    }

    private static OnlineLearningRow row(OnlineLearning o, Map<Long, PersonRef> people) {
        PersonRef p = people.get(o.personId());
        return new OnlineLearningRow(
                o.getId(),
                o.personId(),
                p == null ? "#" + o.personId() : p.name(),
                o.platform(),
                o.periodStart(),
                o.periodEnd(),
                o.personTimes(),
                o.points(),
                o.getVersion());
    }
}
