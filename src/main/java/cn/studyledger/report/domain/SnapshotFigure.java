package cn.studyledger.report.domain;

import cn.studyledger.figure.FigureDefinition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A figure of a FINAL revision as it was when the 组长 finalised it; never changed afterwards. */
@Entity
@Table(name = "report_snapshot_figure")
class SnapshotFigure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "figure_key", nullable = false, updatable = false)
    private String key;

    @Column(nullable = false, updatable = false)
    private String label;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private FigureDefinition.Kind kind;

    @Column(name = "value_text", updatable = false)
    private String valueText;

    @Column(updatable = false)
    private Long numerator;

    @Column(updatable = false)
    private Long denominator;

    @Column(updatable = false)
    private String unit;

    @Column(name = "computed_at", nullable = false, updatable = false)
    private LocalDateTime computedAt;

    protected SnapshotFigure() {}

    SnapshotFigure(FigureValue value, LocalDateTime computedAt) {
        this.key = value.key();
        this.label = value.label();
        this.kind = value.kind();
        this.valueText = value.value();
        this.numerator = value.numerator();
        this.denominator = value.denominator();
        this.unit = value.unit();
        this.computedAt = computedAt;
    }

    FigureValue value(String evidenceUrl) {
        return new FigureValue(key, label, kind, valueText, numerator, denominator, unit, evidenceUrl);
    }

    String key() {
        return key;
    }

    LocalDateTime computedAt() {
        return computedAt;
    }
}
