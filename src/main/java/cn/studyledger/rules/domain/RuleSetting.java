package cn.studyledger.rules.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;

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

    /** The kinds that count, comma-separated codes (EXPERIENCE,RESEARCH_REPORT), for a rule that has kinds. */
    private String kinds;

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
        this.kinds = joined(definition.defaultKinds());
    }

    /** Changes the rule's switch, thresholds and source, keeping the kinds that count. */
    void change(RuleDefinition definition, boolean enabled, BigDecimal param1, BigDecimal param2, String source) {
        change(definition, enabled, param1, param2, source, kinds());
    }

    /**
     * Changes the rule. Each threshold must lie within the rule's bounds; a rule with a lower and an upper bound
     * (重点发言 2–3 人; 天数折算 半天 3 小时、一天 6 小时) keeps the lower one not above the upper one.
     */
    void change(
            RuleDefinition definition,
            boolean enabled,
            BigDecimal param1,
            BigDecimal param2,
            String source,
            List<String> kinds) {
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
        List<String> counted = checkedKinds(definition, kinds);
        this.enabled = enabled;
        this.kinds = joined(counted);
        this.param1 = definition.params().isEmpty() ? null : param1;
        this.param2 = definition.params().size() < 2 ? null : param2;
        this.source = source.trim();
    }

    /**
     * The kinds chosen, in the rule's order: at least one, each one the rule knows (the page offers them as
     * checkboxes; the API may send anything).
     */
    private static List<String> checkedKinds(RuleDefinition definition, List<String> kinds) {
        if (definition.kinds().isEmpty()) {
            return List.of();
        }
        String what = definition == RuleDefinition.WRITINGS_PER_MEMBER ? "学习成果" : "发言";
        List<String> chosen = kinds == null
                ? List.of()
                : kinds.stream()
                        .filter(k -> k != null && !k.isBlank())
                        .map(String::trim)
                        .toList();
        if (chosen.isEmpty()) {
            throw new BusinessRuleException("请至少选择一种计入的" + what + "类型");
        }
        List<String> known =
                definition.kinds().stream().map(RuleDefinition.Kind::code).toList();
        for (String k : chosen) {
            if (!known.contains(k)) {
                throw new BusinessRuleException(
                        "“" + k + "”不是可选的" + what + "类型，可选：" + definition.kindLabels(known, "、"));
            }
        }
        return known.stream().filter(chosen::contains).toList();
    }

    private static String joined(List<String> kinds) {
        return kinds.isEmpty() ? null : String.join(",", kinds);
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

    /** The kinds that count; empty for a rule without kinds. */
    List<String> kinds() {
        return kinds == null || kinds.isBlank() ? List.of() : List.of(kinds.split(","));
    }
}
