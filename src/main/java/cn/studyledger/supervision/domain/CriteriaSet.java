package cn.studyledger.supervision.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.events.YearRecord;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rating criteria a superior organisation's observers use in a year (旁听评价指标): 1 to 10 named criteria
 * whose weights add up to 100. Until an organisation sets its own for a year, the default set applies.
 */
@Entity
@Table(name = "supervision_criteria_set")
class CriteriaSet extends BaseEntity implements YearRecord {

    static final int MAX_CRITERIA = 10;

    /** The default set (DESIGN.md §2: ratings against configurable criteria), after the 学习规则's emphases. */
    static final List<Criterion> DEFAULTS = List.of(
            new Criterion("学习方案与会前准备", 20),
            new Criterion("学习内容聚焦主题（第一议题）", 25),
            new Criterion("研讨交流质量（重点发言）", 25),
            new Criterion("学习纪律与出勤", 15),
            new Criterion("学用结合与转化成效", 15));

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "plan_year", nullable = false, updatable = false)
    private int year;

    @ElementCollection
    @CollectionTable(name = "supervision_criterion", joinColumns = @JoinColumn(name = "set_id"))
    @OrderColumn(name = "position")
    private List<Criterion> criteria = new ArrayList<>();

    protected CriteriaSet() {}

    CriteriaSet(long orgId, int year, List<Criterion> criteria) {
        this.orgId = orgId;
        this.year = year;
        replace(criteria);
    }

    /** Replaces all criteria; refuses a set without criteria, with duplicates or whose weights do not add up to 100. */
    void replace(List<Criterion> replacement) {
        check(replacement);
        criteria.clear();
        replacement.forEach(c -> criteria.add(new Criterion(c.name(), c.weight())));
        touch();
    }

    static void check(List<Criterion> candidate) {
        if (candidate.isEmpty()) {
            throw new BusinessRuleException("请至少设置一项评价指标");
        }
        if (candidate.size() > MAX_CRITERIA) {
            throw new BusinessRuleException("评价指标最多" + MAX_CRITERIA + "项");
        }
        Set<String> names = new HashSet<>();
        int total = 0;
        for (Criterion c : candidate) {
            if (c.name() == null || c.name().isBlank()) {
                throw new BusinessRuleException("请填写评价指标名称");
            }
            if (!names.add(c.name())) {
                throw new BusinessRuleException("评价指标“" + c.name() + "”重复");
            }
            if (c.weight() < 1 || c.weight() > 100) {
                throw new BusinessRuleException("“" + c.name() + "”的权重须在1到100之间");
            }
            total += c.weight();
        }
        if (total != 100) {
            throw new BusinessRuleException("各项评价指标的权重合计须为100（现为" + total + "）");
        }
    }

    long orgId() {
        return orgId;
    }

    int year() {
        return year;
    }

    List<Criterion> criteria() {
        return List.copyOf(criteria);
    }

    @Override
    public OrgYear countsIn() {
        return new OrgYear(orgId(), year());
    }
}
