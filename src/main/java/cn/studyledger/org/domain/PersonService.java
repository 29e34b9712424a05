package cn.studyledger.org.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.jdbc.Like;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People of an organisation: list, search, create, edit, deactivate and import. */
@Service
@Transactional(readOnly = true)
public class PersonService {

    private final PersonRepository people;
    private final OrgUnitRepository units;
    private final AuditLog audit;

    PersonService(PersonRepository people, OrgUnitRepository units, AuditLog audit) {
        this.people = people;
        this.units = units;
        this.audit = audit;
    }

    @PreAuthorize("hasAuthority('" + Permissions.PERSON_VIEW + "')")
    public PageResult<PersonView> search(String orgCode, String query, boolean includeInactive, int page, int size) {
        OrgUnit org = visibleOrg(orgCode);
        String q = Like.escape(query == null ? "" : query.trim());
        var result = people.search(
                org.getId(), q, includeInactive, PageRequest.of(Math.max(page, 0), size, Sort.by("name")));
        return PageResult.of(result, PersonView::of);
    }

    @PreAuthorize("hasAuthority('" + Permissions.PERSON_VIEW + "')")
    public PersonView get(long id) {
        Person person = people.findById(id).orElseThrow(() -> NotFoundException.of("人员"));
        visibleOrg(orgCode(person.orgId()));
        return PersonView.of(person);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PERSON_EDIT + "')")
    public PersonView create(String orgCode, PersonCommand command) {
        OrgUnit org = editableOrg(orgCode);
        Person person = people.save(toPerson(org.getId(), command));
        audit.record(AuditAction.CREATE, "人员", person.getId(), "新增人员 " + command.name() + "（" + orgCode + "）");
        return PersonView.of(person);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PERSON_EDIT + "')")
    public PersonView edit(long id, long expectedVersion, PersonCommand command) {
        Person person = people.findById(id).orElseThrow(() -> NotFoundException.of("人员"));
        editableOrg(orgCode(person.orgId()));
        person.checkVersion(expectedVersion);
        person.edit(
                command.name().trim(),
                OrgService.blankToNull(command.position()),
                command.birthDate(),
                command.youthCadre(),
                command.expert());
        audit.record(AuditAction.UPDATE, "人员", id, "修改人员 " + command.name());
        return PersonView.of(person);
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PERSON_EDIT + "')")
    public void deactivate(long id) {
        Person person = people.findById(id).orElseThrow(() -> NotFoundException.of("人员"));
        editableOrg(orgCode(person.orgId()));
        if (!person.isActive()) {
            throw new BusinessRuleException("该人员已停用");
        }
        person.deactivate();
        audit.record(AuditAction.UPDATE, "人员", id, "停用人员 " + person.name());
    }

    /** Saves every row of an import in one transaction; the caller has validated all of them. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.PERSON_EDIT + "')")
    public int importAll(String orgCode, List<PersonCommand> rows) {
        OrgUnit org = editableOrg(orgCode);
        for (PersonCommand row : rows) {
            people.save(toPerson(org.getId(), row));
        }
        audit.record(AuditAction.CREATE, "人员", null, "导入人员 " + rows.size() + " 人（" + orgCode + "）");
        return rows.size();
    }

    /** Refuses early when the current user may not maintain the people of this organisation. */
    @PreAuthorize("hasAuthority('" + Permissions.PERSON_EDIT + "')")
    public void checkEditable(String orgCode) {
        editableOrg(orgCode);
    }

    public boolean nameTaken(String orgCode, String name) {
        OrgUnit org = units.findByCode(orgCode).orElseThrow(() -> NotFoundException.of("组织"));
        return people.existsByOrgIdAndNameAndActiveTrue(org.getId(), name);
    }

    private static Person toPerson(long orgId, PersonCommand c) {
        return new Person(
                orgId,
                c.name().trim(),
                OrgService.blankToNull(c.position()),
                c.birthDate(),
                c.youthCadre(),
                c.expert());
    }

    private String orgCode(long orgId) {
        return units.findById(orgId).map(OrgUnit::code).orElseThrow(() -> NotFoundException.of("组织"));
    }

    private OrgUnit visibleOrg(String orgCode) {
        OrgUnit org = units.findByCode(orgCode).orElseThrow(() -> NotFoundException.of("组织"));
        LedgerUser user = CurrentUser.require();
        if (!user.canRead(org.path()) && !user.hasRoleAt(Role.SYS_ADMIN, org.path())) {
            throw NotFoundException.of("组织");
        }
        return org;
    }

    private OrgUnit editableOrg(String orgCode) {
        OrgUnit org = visibleOrg(orgCode);
        LedgerUser user = CurrentUser.require();
        if (!user.hasRoleAt(Role.CLERK, org.path()) && !user.hasRoleAt(Role.SYS_ADMIN, org.path())) {
            throw new AccessDeniedException("无权维护该组织的人员");
        }
        return org;
    }
}
