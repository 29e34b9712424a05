package cn.studyledger.rules.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.report.Finding;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One finding of a stored evaluation with the records behind it, kept as they were when it was found. */
@Entity
@Table(name = "rules_finding")
class StoredFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private int position;

    @Column(name = "rule_key", nullable = false)
    private String ruleKey;

    @Column(name = "rule_name", nullable = false)
    private String ruleName;

    @Column(name = "rule_text", nullable = false)
    private String ruleText;

    @Column(nullable = false)
    private String source;

    @Column(nullable = false)
    private String finding;

    @Column(nullable = false)
    private String problem;

    @Column(name = "next_step", nullable = false)
    private String nextStep;

    @ElementCollection
    @CollectionTable(name = "rules_evidence", joinColumns = @JoinColumn(name = "finding_id"))
    @OrderColumn(name = "position")
    private List<StoredEvidence> evidence = new ArrayList<>();

    protected StoredFinding() {}

    StoredFinding(int position, Finding f) {
        this.position = position;
        this.ruleKey = f.ruleKey();
        this.ruleName =
                RuleDefinition.byKey(f.ruleKey()).map(RuleDefinition::title).orElse(f.ruleKey());
        this.ruleText = cut(f.rule(), 500);
        this.source = cut(f.source(), 300);
        this.finding = cut(f.finding(), 2000);
        this.problem = cut(f.problem(), 2000);
        this.nextStep = cut(f.nextStep(), 2000);
        f.evidence().forEach(e -> evidence.add(new StoredEvidence(e)));
    }

    Finding toFinding() {
        return new Finding(
                ruleKey,
                ruleText,
                source,
                finding,
                problem,
                nextStep,
                evidence.stream().map(StoredEvidence::toEvidence).toList());
    }

    String ruleName() {
        return ruleName;
    }

    private static String cut(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** One record behind a finding. */
    @Embeddable
    static class StoredEvidence {

        @Column(name = "evidence_type", nullable = false)
        private String type;

        @Column(name = "record_id", nullable = false)
        private long recordId;

        @Column(name = "record_date")
        private LocalDate date;

        @Column(nullable = false)
        private String title;

        private String detail;

        @Column(nullable = false)
        private String url;

        protected StoredEvidence() {}

        StoredEvidence(Evidence e) {
            this.type = cut(e.type(), 64);
            this.recordId = e.id();
            this.date = e.date();
            this.title = cut(e.title(), 500);
            this.detail = e.detail() == null ? null : cut(e.detail(), 1000);
            this.url = cut(e.url(), 500);
        }

        Evidence toEvidence() {
            return new Evidence(type, recordId, date, title, detail == null ? "" : detail, null, url);
        }
    }
}
