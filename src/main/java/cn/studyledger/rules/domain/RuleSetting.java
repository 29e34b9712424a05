package cn.studyledger.rules.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One rule of an organisation's table of a year: on or off, its thresholds and its source. */
@Entity
@Table(name = "rules_setting")
class RuleSetting extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "rule_year", nullable = false, updatable = false)
    private int year;

    @Column(name = "rule_key", nullable = false, updatable = false)
    private String key;

    @Column(nullable = false)
    private boolean enabled;

    private BigDecimal param1;

    private BigDecimal param2;

    @Column(nullable = false)
    private String source;

    protected RuleSetting() {}

    /** The rule with its defaults, as copied into an organisation's table of a year. */
    RuleSetting(long orgId, int year, RuleDefinition definition) {
        this.orgId = orgId;
        this.year = year;
        this.key = definition.key();
        restoreDefault(definition);
    }

    void restoreDefault(RuleDefinition definition) {
        this.enabled = true;
        this.param1 = definition.defaultParam(0);
        this.param2 = definition.defaultParam(1);
        this.source = definition.defaultSource();
    }

    /**
     * Changes the rule. Each threshold must lie within the rule's bounds; a rule with a lower and an upper bound
     * (重点发言 2–3 人; 天数折算 半天 3 小时、一天 6 小时) keeps the lower one not above the upper one.
     */
    void change(RuleDefinition definition, boolean enabled, BigDecimal param1, BigDecimal param2, String source) {
        BigDecimal[] values = {param1, param2};
        for (int i = 0; i < definition.params().size(); i++) {
            RuleDefinition.Param p = definition.params().get(i);
            BigDecimal v = values[i];
            if (v == null) {
                throw new BusinessRuleException("请填写“" + p.label() + "”");
            }
            if (v.compareTo(p.min()) < 0 || v.compareTo(p.max()) > 0) {
                throw new BusinessRuleException("“" + p.label() + "”应在" + RuleDefinition.Param.format(p.min()) + "至"
                        + RuleDefinition.Param.format(p.max()) + p.unit() + "之间");
            }
        }
        if (definition == RuleDefinition.KEY_SPEECHES_PER_SESSION && param1.compareTo(param2) > 0) {
            throw new BusinessRuleException("重点发言人数的下限不能大于上限");
        }
        if (definition == RuleDefinition.SESSION_DAY_HOURS && param1.compareTo(param2) > 0) {
            throw new BusinessRuleException("计半天的时长不能多于计一天的时长");
        }
        this.enabled = enabled;
        this.param1 = definition.params().isEmpty() ? null : param1;
        this.param2 = definition.params().size() < 2 ? null : param2;
        this.source = source.trim();
    }

    long orgId() {
        return orgId;
    }

    int year() {
        return year;
    }

    String key() {
        return key;
    }

    boolean enabled() {
        return enabled;
    }

    BigDecimal param1() {
        return param1;
    }

    BigDecimal param2() {
        return param2;
    }

    String source() {
        return source;
    }
}
