package cn.studyledger.supervision.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.ConflictException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.supervision.domain.SupervisionViews.CriteriaView;
import cn.studyledger.supervision.domain.SupervisionViews.CriterionRow;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weighted rating criteria (旁听评价指标) of a superior organisation per year: the default set until its clerk
 * sets its own. Ratings keep the criteria as rated, so a change applies to visits rated afterwards.
 */
@Service
@Transactional(readOnly = true)
public class CriteriaService {

    private final CriteriaSetRepository sets;
    private final VisitAccess access;
    private final OrgApi orgs;
    private final AuditLog audit;

    CriteriaService(CriteriaSetRepository sets, VisitAccess access, OrgApi orgs, AuditLog audit) {
        this.sets = sets;
        this.access = access;
        this.orgs = orgs;
        this.audit = audit;
    }

    /** The criteria in use for the organisation and year (its own or the default set). */
    List<CriterionRow> inUse(long orgId, int year) {
        return rows(
                sets.findByOrgIdAndYear(orgId, year).map(CriteriaSet::criteria).orElse(CriteriaSet.DEFAULTS));
    }

    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_VIEW + "')")
    public CriteriaView view(String orgCode, int year) {
        OrgRef org = access.inSight(orgCode);
        Optional<CriteriaSet> own = sets.findByOrgIdAndYear(org.id(), year);
        return new CriteriaView(
                org.code(),
                year,
                own.isPresent(),
                rows(own.map(CriteriaSet::criteria).orElse(CriteriaSet.DEFAULTS)),
                own.map(set -> set.getVersion() + 1).orElse(0L));
    }

    /**
     * Sets the organisation's own criteria for the year (its clerk), from the version the editor saw: 0 while the
     * default set applies, then one more than the stored set's version, so that two editors starting from the
     * default set cannot both create one.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.SUPERVISION_EDIT + "')")
    public CriteriaView replace(String orgCode, int year, long expectedVersion, CriteriaCommand command) {
        OrgRef org = access.asPlanner(orgCode);
        if (orgs.children(org.id()).isEmpty()) {
            throw new BusinessRuleException("本单位没有下级单位，无需设置旁听评价指标");
        }
        List<Criterion> criteria = command.filled().stream()
                .map(l -> new Criterion(l.name(), l.weight() == null ? 0 : l.weight()))
                .toList();
        Optional<CriteriaSet> own = sets.findByOrgIdAndYear(org.id(), year);
        CriteriaSet set;
        if (own.isPresent()) {
            set = own.get();
            set.checkVersion(expectedVersion - 1);
            set.replace(criteria);
            sets.flush();
        } else {
            if (expectedVersion != 0) {
                throw new ConflictException();
            }
            set = sets.saveAndFlush(new CriteriaSet(org.id(), year, criteria));
        }
        audit.record(
                own.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
                "旁听评价指标",
                set.getId(),
                org.code() + " " + year + "年："
                        + criteria.stream().map(c -> c.name() + c.weight()).collect(Collectors.joining("、")));
        return view(orgCode, year);
    }

    /** The default set stored for the organisation and year, when it has none yet (demo data). */
    @Transactional
    void seedDefaults(long orgId, int year) {
        if (sets.findByOrgIdAndYear(orgId, year).isEmpty()) {
            sets.save(new CriteriaSet(orgId, year, CriteriaSet.DEFAULTS));
        }
    }

    private static List<CriterionRow> rows(List<Criterion> criteria) {
        return criteria.stream()
                .map(c -> new CriterionRow(c.name(), c.weight()))
                .toList();
    }
}
