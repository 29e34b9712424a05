package cn.studyledger.rules.domain;

import cn.studyledger.common.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest evaluation of an organisation's rules of a year: when, by whom or by which run, how many rules were
 * checked, and the findings. Each new evaluation replaces the findings of the one before.
 */
@Entity
@Table(name = "rules_evaluation")
class RuleEvaluation extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "rule_year", nullable = false, updatable = false)
    private int year;

    @Column(name = "evaluated_at", nullable = false)
    private LocalDateTime evaluatedAt;

    @Column(name = "evaluated_by", nullable = false)
    private String evaluatedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "run_kind", nullable = false)
    private RunKind runKind;

    @Column(name = "rules_checked", nullable = false)
    private int rulesChecked;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "evaluation_id", nullable = false)
    @OrderBy("position")
    private List<StoredFinding> findings = new ArrayList<>();

    protected RuleEvaluation() {}

    RuleEvaluation(long orgId, int year) {
        this.orgId = orgId;
        this.year = year;
    }

    /** Replaces the findings with those of a new run. */
    void record(
            LocalDateTime at, String by, RunKind kind, int rulesChecked, List<cn.studyledger.report.Finding> found) {
        this.evaluatedAt = at;
        this.evaluatedBy = by;
        this.runKind = kind;
        this.rulesChecked = rulesChecked;
        findings.clear();
        int position = 0;
        for (cn.studyledger.report.Finding f : found) {
            findings.add(new StoredFinding(position++, f));
        }
        touch();
    }

    long orgId() {
        return orgId;
    }

    int year() {
        return year;
    }

    LocalDateTime evaluatedAt() {
        return evaluatedAt;
    }

    String evaluatedBy() {
        return evaluatedBy;
    }

    RunKind runKind() {
        return runKind;
    }

    int rulesChecked() {
        return rulesChecked;
    }

    List<StoredFinding> findings() {
        return findings;
    }
}
