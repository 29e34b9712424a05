package cn.studyledger.supervision.domain;

import cn.studyledger.common.BusinessRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The observers' score (0–100) against one criterion, with the criterion's name and weight as they were when
 * rated, so that later changes to the criteria do not rewrite past ratings.
 */
@Embeddable
class Rating {

    @Column(name = "criterion", nullable = false)
    private String criterion;

    @Column(name = "weight", nullable = false)
    private int weight;

    @Column(name = "score", nullable = false)
    private int score;

    protected Rating() {}

    Rating(String criterion, int weight, Integer score) {
        if (score == null) {
            throw new BusinessRuleException("请为“" + criterion + "”评分");
        }
        if (score < 0 || score > 100) {
            throw new BusinessRuleException("“" + criterion + "”的评分须在0到100之间");
        }
        this.criterion = criterion;
        this.weight = weight;
        this.score = score;
    }

    String criterion() {
        return criterion;
    }

    int weight() {
        return weight;
    }

    int score() {
        return score;
    }
}
