package cn.studyledger.rules.domain;

import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.org.OrgRef;
import cn.studyledger.rules.domain.RuleViews.RuleRow;
import java.util.ArrayList;
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
    private final AuditLog audit;

    RuleTables(RuleSettingRepository settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    /** The table's rules by definition, in the order of the definitions, created from the defaults as needed. */
    Map<RuleDefinition, RuleSetting> ensure(OrgRef org, int year) {
        Map<String, RuleSetting> byKey = new LinkedHashMap<>();
        settings.findByOrgIdAndYear(org.id(), year).forEach(s -> byKey.put(s.key(), s));
        Map<RuleDefinition, RuleSetting> table = new LinkedHashMap<>();
        List<String> added = new ArrayList<>();
        for (RuleDefinition d : RuleDefinition.values()) {
            RuleSetting s = byKey.get(d.key());
            if (s == null) {
                s = settings.save(new RuleSetting(org.id(), year, d));
                added.add(d.title());
            }
            table.put(d, s);
        }
        if (!added.isEmpty()) {
            settings.flush();
            audit.record(
                    AuditAction.CREATE,
                    OBJECT,
                    org.code() + "/" + year,
                    org.name() + year + "年度规则表按默认值建立：" + String.join("、", added));
        }
        return table;
    }

    static RuleRow row(RuleDefinition d, RuleSetting s) {
        boolean defaults = s.enabled()
                && same(s.param1(), d.defaultParam(0))
                && same(s.param2(), d.defaultParam(1))
                && Objects.equals(s.source(), d.defaultSource());
        return new RuleRow(
                d.key(),
                d.title(),
                d.text(s.param1(), s.param2()),
                s.enabled(),
                s.param1(),
                s.param2(),
                d.params(),
                s.source(),
                defaults,
                s.getVersion());
    }

    private static boolean same(java.math.BigDecimal a, java.math.BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
