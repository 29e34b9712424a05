package cn.studyledger.research.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.BatchSize;

/** One judge's scores (0–100 per criterion) of one report; the judge may correct them while the selection is open. */
@Entity
@Table(name = "research_score_sheet")
class ScoreSheet extends BaseEntity {

    @Column(name = "selection_id", nullable = false, updatable = false)
    private long selectionId;

    @Column(name = "report_id", nullable = false, updatable = false)
    private long reportId;

    @Column(name = "judge_person_id", nullable = false, updatable = false)
    private long judgePersonId;

    private String remark;

    @ElementCollection
    @CollectionTable(name = "research_score", joinColumns = @JoinColumn(name = "sheet_id"))
    @MapKeyColumn(name = "criterion_id")
    @Column(name = "score", nullable = false)
    @BatchSize(size = 50)
    private Map<Long, Integer> scores = new HashMap<>();

    protected ScoreSheet() {}

    ScoreSheet(long selectionId, long reportId, long judgePersonId) {
        this.selectionId = selectionId;
        this.reportId = reportId;
        this.judgePersonId = judgePersonId;
    }

    /** Records a score from 0 to 100 for every criterion of the selection, and nothing else. */
    void record(List<Ranking.Criterion> criteria, Map<Long, Integer> given, String remark) {
        for (Long id : given.keySet()) {
            if (criteria.stream().noneMatch(c -> c.id() == id)) {
                throw new BusinessRuleException("所评的评分标准不属于本次评选");
            }
        }
        for (Ranking.Criterion c : criteria) {
            Integer score = given.get(c.id());
            if (score == null) {
                throw new BusinessRuleException("请为“" + c.name() + "”打分");
            }
            if (score < 0 || score > 100) {
                throw new BusinessRuleException("“" + c.name() + "”的得分须在0–100之间");
            }
        }
        this.scores.clear();
        this.scores.putAll(given);
        this.remark = remark == null || remark.isBlank() ? null : remark.trim();
        touch();
    }

    Ranking.Sheet toSheet() {
        return new Ranking.Sheet(reportId, judgePersonId, Map.copyOf(scores));
    }

    long selectionId() {
        return selectionId;
    }

    long reportId() {
        return reportId;
    }

    long judgePersonId() {
        return judgePersonId;
    }

    String remark() {
        return remark;
    }

    Map<Long, Integer> scores() {
        return scores;
    }
}
