package cn.studyledger.org.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.OrgType;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisation tree and the data scope along it. */
@Service
@Transactional(readOnly = true)
public class OrgService {

    private final OrgUnitRepository units;
    private final AuditLog audit;

    OrgService(OrgUnitRepository units, AuditLog audit) {
        this.units = units;
        this.audit = audit;
    }

    /** The organisation with this code if the current user may read its study records; 404 otherwise. */
    public OrgRef requireReadable(String code) {
        OrgUnit unit = units.findByCode(code).orElseThrow(() -> NotFoundException.of("组织"));
        if (!CurrentUser.require().canRead(unit.path())) {
            throw NotFoundException.of("组织");
        }
        return unit.toRef();
    }

    /**
     * The organisation if the current user holds {@code role} there: 404 when the organisation is outside the
     * user's sight altogether, 403 when the user sees it but lacks the role.
     */
    public OrgRef requireRole(String code, Role role) {
        OrgUnit unit = units.findByCode(code).orElseThrow(() -> NotFoundException.of("组织"));
        LedgerUser user = CurrentUser.require();
        if (user.hasRoleAt(role, unit.path())) {
            return unit.toRef();
        }
        if (!user.canRead(unit.path()) && !user.grants().stream().anyMatch(g -> g.covers(unit.path()))) {
            throw NotFoundException.of("组织");
        }
        throw new AccessDeniedException("无权执行此操作");
    }

    public OrgRef get(long id) {
        return units.findById(id).map(OrgUnit::toRef).orElseThrow(() -> NotFoundException.of("组织"));
    }

    public Optional<OrgRef> findByCode(String code) {
        return units.findByCode(code).map(OrgUnit::toRef);
    }

    /** The active organisations directly under this one, by code. */
    public List<OrgRef> children(long id) {
        return units.findByParentIdAndActiveTrueOrderByCode(id).stream()
                .map(OrgUnit::toRef)
                .toList();
    }

    /** The active organisations anywhere below this one (not itself), in tree order: one statement. */
    public List<OrgRef> descendants(long id) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> NotFoundException.of("组织"));
        return units.findSubtree(unit.path()).stream()
                .filter(u -> u.isActive() && !u.getId().equals(unit.getId()))
                .map(OrgUnit::toRef)
                .toList();
    }

    /** Organisations whose study records the current user may read, in tree order. */
    public List<OrgRef> readable() {
        LedgerUser user = CurrentUser.require();
        return user.grants().stream()
                .filter(g -> g.role().readsStudyRecords())
                .flatMap(g -> g.role().coversDescendants()
                        ? units.findSubtree(g.orgPath()).stream()
                        : units.findById(g.orgId()).stream())
                .filter(OrgUnit::isActive)
                .map(OrgUnit::toRef)
                .distinct()
                .sorted(Comparator.comparing(OrgRef::path))
                .toList();
    }

    /** A row of the organisation tree page. */
    public record OrgRow(OrgRef org, String parentCode, boolean active, long version, int depth) {

        public OrgCommand toCommand() {
            return new OrgCommand(parentCode, org.code(), org.name(), org.type(), org.businessField());
        }
    }

    /** The administered subtree with activity, version and depth, for the organisation pages. */
    @PreAuthorize("hasAuthority('" + Permissions.ORG_EDIT + "')")
    public List<OrgRow> tree() {
        LedgerUser user = CurrentUser.require();
        return user.grants().stream()
                .filter(g -> g.role() == Role.SYS_ADMIN)
                .flatMap(g -> units.findSubtree(g.orgPath()).stream())
                .distinct()
                .sorted(Comparator.comparing(OrgUnit::path))
                .map(this::row)
                .toList();
    }

    @PreAuthorize("hasAuthority('" + Permissions.ORG_EDIT + "')")
    public OrgRow row(long id) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> NotFoundException.of("组织"));
        requireAdmin(unit.path());
        return row(unit);
    }

    private OrgRow row(OrgUnit unit) {
        String parentCode = unit.parentId() == null
                ? null
                : units.findById(unit.parentId()).map(OrgUnit::code).orElse(null);
        int depth = (int) unit.path().chars().filter(c -> c == '/').count() - 2;
        return new OrgRow(unit.toRef(), parentCode, unit.isActive(), unit.getVersion(), depth);
    }

    /** Organisations whose people the current user may see: readable ones and administered ones. */
    public List<OrgRef> peopleScope() {
        LedgerUser user = CurrentUser.require();
        return user.grants().stream()
                .filter(g -> g.role().readsStudyRecords() || g.role() == Role.SYS_ADMIN)
                .flatMap(g -> g.role().coversDescendants()
                        ? units.findSubtree(g.orgPath()).stream()
                        : units.findById(g.orgId()).stream())
                .filter(OrgUnit::isActive)
                .map(OrgUnit::toRef)
                .distinct()
                .sorted(Comparator.comparing(OrgRef::path))
                .toList();
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.ORG_EDIT + "')")
    public OrgRef create(OrgCommand command) {
        OrgUnit parent = units.findByCode(command.parentCode()).orElseThrow(() -> NotFoundException.of("上级组织"));
        requireAdmin(parent.path());
        String code = command.code().trim();
        if (units.existsByCode(code)) {
            throw new BusinessRuleException("组织代码“" + code + "”已被使用");
        }
        OrgUnit unit = units.save(new OrgUnit(
                code, command.name().trim(), command.type(), parent.getId(), blankToNull(command.businessField())));
        unit.placeUnder(parent.path());
        audit.record(AuditAction.CREATE, "组织", unit.getId(), "新增组织 " + code + " " + command.name());
        return unit.toRef();
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.ORG_EDIT + "')")
    public OrgRef edit(long id, long expectedVersion, OrgCommand command) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> NotFoundException.of("组织"));
        requireAdmin(unit.path());
        unit.checkVersion(expectedVersion);
        unit.edit(command.name().trim(), command.type(), blankToNull(command.businessField()));
        audit.record(AuditAction.UPDATE, "组织", id, "修改组织 " + unit.code() + " " + command.name());
        return unit.toRef();
    }

    /**
     * The names the organisation's documents are issued under, with those its name and kind give (the defaults).
     *
     * @param issuer the short name, e.g. X局生态环境监测中心党委
     * @param issuerFull the full name, e.g. 中共X局生态环境监测中心委员会
     */
    public record IssuerNames(
            String orgCode,
            String name,
            String issuer,
            String issuerFull,
            String derivedIssuer,
            String derivedIssuerFull,
            long version) {

        public IssuerCommand toCommand() {
            return new IssuerCommand(issuer, issuerFull);
        }
    }

    /** The names documents are issued under; the organisation's 学习秘书 only. */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    public IssuerNames issuerNames(String code) {
        requireRole(code, Role.CLERK);
        return issuerNames(units.findByCode(code).orElseThrow());
    }

    /**
     * Sets the names documents are issued under. Refuses a name that repeats the kind of organisation
     * (X局信息中心党总支党总支), the mistake these names exist to avoid.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    public IssuerNames nameIssuer(String code, long expectedVersion, IssuerCommand command) {
        requireRole(code, Role.CLERK);
        OrgUnit unit = units.findByCode(code).orElseThrow();
        unit.checkVersion(expectedVersion);
        for (String name : List.of(command.issuer(), command.issuerFull())) {
            for (OrgType type : OrgType.values()) {
                if (name.contains(type.label() + type.label())) {
                    throw new BusinessRuleException("“" + name.strip() + "”中“" + type.label() + "”重复，请修改");
                }
            }
        }
        OrgRef before = unit.toRef();
        unit.nameIssuer(command.issuer(), command.issuerFull());
        units.flush();
        OrgRef after = unit.toRef();
        audit.record(
                AuditAction.UPDATE,
                "组织",
                unit.getId(),
                "修改发文单位名称 " + code + "：" + before.issuer() + " → " + after.issuer() + "；" + before.issuerFull() + " → "
                        + after.issuerFull());
        return issuerNames(unit);
    }

    private static IssuerNames issuerNames(OrgUnit unit) {
        OrgRef ref = unit.toRef();
        return new IssuerNames(
                ref.code(),
                ref.name(),
                ref.issuer(),
                ref.issuerFull(),
                ref.type().shortName(ref.name()),
                ref.type().fullName(ref.name()),
                unit.getVersion());
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.ORG_EDIT + "')")
    public void deactivate(long id) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> NotFoundException.of("组织"));
        requireAdmin(unit.path());
        if (unit.parentId() == null) {
            throw new BusinessRuleException("不能停用最上级组织");
        }
        if (!units.findByParentIdAndActiveTrueOrderByCode(id).isEmpty()) {
            throw new BusinessRuleException("该组织下还有在用的下级组织，请先停用下级组织");
        }
        unit.deactivate();
        audit.record(AuditAction.UPDATE, "组织", id, "停用组织 " + unit.code());
    }

    private static void requireAdmin(String path) {
        LedgerUser user = CurrentUser.require();
        if (!user.hasRoleAt(Role.SYS_ADMIN, path)) {
            throw NotFoundException.of("组织");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
