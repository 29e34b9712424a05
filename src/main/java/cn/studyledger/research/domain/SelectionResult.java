package cn.studyledger.research.domain;

import cn.studyledger.research.Award;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A report's final place in a finished selection: rank, score and award (none for the rest). */
@Entity
@Table(name = "research_result")
class SelectionResult {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "report_id", nullable = false, updatable = false)
    private long reportId;

    @Column(nullable = false, updatable = false)
    private int ranking;

    @Column(nullable = false, updatable = false)
    private BigDecimal score;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Award award;

    protected SelectionResult() {}

    SelectionResult(long reportId, int ranking, BigDecimal score, Award award) {
        this.reportId = reportId;
        this.ranking = ranking;
        this.score = score;
        this.award = award;
    }

    long reportId() {
        return reportId;
    }

    int ranking() {
        return ranking;
    }

    BigDecimal score() {
        return score;
    }

    Award award() {
        return award;
    }
}
