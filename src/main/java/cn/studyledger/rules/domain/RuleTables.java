package cn.studyledger.rules.domain;

import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.jdbc.FirstTimeRows;
import cn.studyledger.org.OrgRef;
import cn.studyledger.rules.domain.RuleViews.RuleRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * An organisation's rule table of a year, filled from the defaults the first time it is used (and for any rule
 * added to the code since). Called inside the services' transactions, after their permission and scope checks.
 */
@Component
class RuleTables {

    static final String OBJECT = "规则设置";

    private final RuleSettingRepository settings;
    private final FirstTimeRows firstTime;
    private final AuditLog audit;

    RuleTables(RuleSettingRepository settings, FirstTimeRows firstTime, AuditLog audit) {
        this.settings = settings;
        this.firstTime = firstTime;
        this.audit = audit;
    }

    /**
     * The table's rules by definition, in the order of the definitions, created from the defaults as needed. Users
     * opening a new year at the same moment create one table between them ({@link FirstTimeRows}); only the one
     * whose rows were stored audits the creation.
     */
    Map<RuleDefinition, RuleSetting> ensure(OrgRef org, int year) {
        Map<String, RuleSetting> byKey = byKey(org, year);
        List<String> added = new ArrayList<>();
        boolean missing = false;
        for (RuleDefinition d : RuleDefinition.values()) {
            if (!byKey.containsKey(d.key())) {
                missing = true;
                RuleSetting defaults = new RuleSetting(org.id(), year, d);
                Map<String, Object> row = new HashMap<>();
                row.put("org_id", org.id());
                row.put("rule_year", year);
                row.put("rule_key", d.key());
                row.put("enabled", defaults.enabled());
                row.put("param1", defaults.param1());
                row.put("param2", defaults.param2());
                row.put("source", defaults.source());
                row.put("kinds", defaults.kinds().isEmpty() ? null : String.join(",", defaults.kinds()));
                if (firstTime.insertIfAbsent("rules_setting", row)) {
                    added.add(d.title());
                }
            }
        }
        if (missing) {
            byKey = byKey(org, year);
        }
        Map<RuleDefinition, RuleSetting> table = new LinkedHashMap<>();
        for (RuleDefinition d : RuleDefinition.values()) {
            table.put(d, byKey.get(d.key()));
        }
        if (!added.isEmpty()) {
            audit.record(
                    AuditAction.CREATE,
                    OBJECT,
                    org.code() + "/" + year,
                    org.name() + year + "年度规则表按默认值建立：" + String.join("、", added));
        }
        return table;
    }

    /**
     * The table as it stands, read without creating it: a rule with no row yet reads as its defaults (an unsaved
     * setting), as {@link RulesAppliedOnSave} reads single rules.
     */
    Map<RuleDefinition, RuleSetting> read(OrgRef org, int year) {
        Map<String, RuleSetting> byKey = byKey(org, year);
        Map<RuleDefinition, RuleSetting> table = new LinkedHashMap<>();
        for (RuleDefinition d : RuleDefinition.values()) {
            table.put(d, byKey.getOrDefault(d.key(), new RuleSetting(org.id(), year, d)));
        }
        return table;
    }

    private Map<String, RuleSetting> byKey(OrgRef org, int year) {
        Map<String, RuleSetting> byKey = new HashMap<>();
        settings.findByOrgIdAndYear(org.id(), year).forEach(s -> byKey.put(s.key(), s));
        return byKey;
    }

    static RuleRow row(RuleDefinition d, RuleSetting s) {
        boolean defaults = s.enabled()
                && same(s.param1(), d.defaultParam(0))
                && same(s.param2(), d.defaultParam(1))
                && Objects.equals(s.source(), d.defaultSource())
                && s.kinds().equals(d.defaultKinds());
        return new RuleRow(
                d.key(),
                d.title(),
                d.text(s.param1(), s.param2(), s.kinds()),
                s.enabled(),
                s.param1(),
                s.param2(),
                d.params(),
                s.source(),
                d.kinds(),
                s.kinds(),
                defaults,
                s.getVersion());
    }

    private static boolean same(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
