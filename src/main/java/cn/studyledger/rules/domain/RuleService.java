package cn.studyledger.rules.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.rules.domain.RuleViews.RuleRow;
import cn.studyledger.rules.domain.RuleViews.RuleTable;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's rule table of a year: read by those who may see the findings, changed (on/off, thresholds,
 * source, back to the default) by the organisation's 学习秘书, every change audited and guarded by its version.
 */
@Service
@Transactional
public class RuleService {

    private final RuleTables tables;
    private final RuleSettingRepository settings;
    private final OrgApi orgs;
    private final AuditLog audit;

    RuleService(RuleTables tables, RuleSettingRepository settings, OrgApi orgs, AuditLog audit) {
        this.tables = tables;
        this.settings = settings;
        this.orgs = orgs;
        this.audit = audit;
    }

    /** The rule table; the first look at a year copies the defaults in. */
    @PreAuthorize("hasAuthority('" + Permissions.RULES_VIEW + "')")
    public RuleTable table(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        checkYear(year);
        return new RuleTable(
                org.code(),
                org.name(),
                year,
                tables.ensure(org, year).entrySet().stream()
                        .map(e -> RuleTables.row(e.getKey(), e.getValue()))
                        .toList());
    }

    @PreAuthorize("hasAuthority('" + Permissions.RULES_VIEW + "')")
    public RuleRow rule(String orgCode, int year, String key) {
        OrgRef org = orgs.requireReadable(orgCode);
        checkYear(year);
        RuleDefinition d = definition(key);
        return RuleTables.row(d, tables.ensure(org, year).get(d));
    }

    /** Changes one rule; 409 when someone saved it since the editor loaded it. */
    @PreAuthorize("hasAuthority('" + Permissions.RULES_EDIT + "')")
    public RuleRow update(String orgCode, int year, String key, RuleCommand command) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        checkYear(year);
        RuleDefinition d = definition(key);
        RuleSetting s = tables.ensure(org, year).get(d);
        s.checkVersion(command.version());
        String before = describe(d, s);
        s.change(d, command.isEnabled(), command.param1(), command.param2(), command.source(), command.kinds());
        settings.flush();
        audit.record(
                AuditAction.UPDATE,
                RuleTables.OBJECT,
                s.getId(),
                org.code() + " " + year + "年度“" + d.title() + "”：" + before + " → " + describe(d, s));
        return RuleTables.row(d, s);
    }

    /** Puts one rule back to its default (恢复默认); 409 on a stale version. */
    @PreAuthorize("hasAuthority('" + Permissions.RULES_EDIT + "')")
    public RuleRow restoreDefault(String orgCode, int year, String key, long version) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        checkYear(year);
        RuleDefinition d = definition(key);
        Map<RuleDefinition, RuleSetting> table = tables.ensure(org, year);
        RuleSetting s = table.get(d);
        s.checkVersion(version);
        String before = describe(d, s);
        s.restoreDefault(d);
        settings.flush();
        audit.record(
                AuditAction.UPDATE,
                RuleTables.OBJECT,
                s.getId(),
                org.code() + " " + year + "年度“" + d.title() + "”恢复默认：" + before + " → " + describe(d, s));
        return RuleTables.row(d, s);
    }

    static RuleDefinition definition(String key) {
        return RuleDefinition.byKey(key).orElseThrow(() -> NotFoundException.of("规则"));
    }

    static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new BusinessRuleException("年度应在2000至2100之间");
        }
    }

    private static String describe(RuleDefinition d, RuleSetting s) {
        return (s.enabled() ? "启用" : "停用") + "，" + d.text(s.param1(), s.param2(), s.kinds()) + "，来源：" + s.source();
    }
}
