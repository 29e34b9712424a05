package cn.studyledger.research.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.events.YearRecord;
import cn.studyledger.research.Award;
import cn.studyledger.research.SelectionStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The excellent-report selection (优秀调研报告评选) of an organisation's year: criteria with weights, judges, and,
 * once finished, the ranking with the awards. OPEN → FINISHED; finished, it is read-only. Judges score the reports
 * of the year's investigations while it is open, never a report of their own.
 */
@Entity
@Table(name = "research_selection")
class Selection extends BaseEntity implements YearRecord {

    /** A criterion as the clerk enters it. */
    record CriterionLine(String name, int weight) {}

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "selection_year", nullable = false, updatable = false)
    private int year;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SelectionStatus status = SelectionStatus.OPEN;

    @Column(name = "finished_on")
    private LocalDate finishedOn;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "selection_id", nullable = false)
    @OrderBy("position")
    private List<SelectionCriterion> criteria = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "research_judge", joinColumns = @JoinColumn(name = "selection_id"))
    @Column(name = "person_id", nullable = false)
    @OrderColumn(name = "position")
    private List<Long> judgeIds = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "selection_id", nullable = false)
    @OrderBy("ranking, id")
    private List<SelectionResult> results = new ArrayList<>();

    protected Selection() {}

    Selection(long orgId, int year) {
        this.orgId = orgId;
        this.year = year;
    }

    /**
     * Sets the title, the criteria and the judges. Once judges have scored, the criteria are fixed (the scores were
     * given against them) and the judges who scored stay judges; more judges may still be added.
     *
     * @param scoredBy the judges who have scored at least one report
     */
    void configure(String title, List<CriterionLine> lines, Collection<Long> judges, Set<Long> scoredBy) {
        requireOpen("修改");
        if (title == null || title.isBlank()) {
            throw new BusinessRuleException("请填写评选名称");
        }
        if (lines.isEmpty()) {
            throw new BusinessRuleException("请至少设置一项评分标准");
        }
        Set<String> names = new HashSet<>();
        for (CriterionLine line : lines) {
            if (line.name() == null || line.name().isBlank()) {
                throw new BusinessRuleException("请填写评分标准的名称");
            }
            if (line.weight() < 1 || line.weight() > 100) {
                throw new BusinessRuleException("评分标准“" + line.name().trim() + "”的权重须为1–100的整数");
            }
            if (!names.add(line.name().trim())) {
                throw new BusinessRuleException("评分标准“" + line.name().trim() + "”重复");
            }
        }
        if (judges.isEmpty()) {
            throw new BusinessRuleException("请至少选择一名评委");
        }
        if (!scoredBy.isEmpty()) {
            List<CriterionLine> current = criteria.stream()
                    .map(c -> new CriterionLine(c.name(), c.weight()))
                    .toList();
            List<CriterionLine> wanted = lines.stream()
                    .map(l -> new CriterionLine(l.name().trim(), l.weight()))
                    .toList();
            if (!current.equals(wanted)) {
                throw new BusinessRuleException("评委已开始评分，不能再修改评分标准");
            }
            if (!judges.containsAll(scoredBy)) {
                throw new BusinessRuleException("已评分的评委不能移出评委名单");
            }
        } else {
            criteria.clear();
            for (int i = 0; i < lines.size(); i++) {
                criteria.add(new SelectionCriterion(
                        lines.get(i).name().trim(), lines.get(i).weight(), i));
            }
        }
        this.title = title.trim();
        this.judgeIds.clear();
        this.judgeIds.addAll(new LinkedHashSet<>(judges));
        touch();
    }

    /** Whether the person may score the report: the selection is open, they are a judge and not its author. */
    void checkMayScore(long judgeId, String reportTitle, Collection<Long> authorIds) {
        requireOpen("评分");
        if (!judgeIds.contains(judgeId)) {
            throw new BusinessRuleException("您不是本次评选的评委，不能评分");
        }
        if (authorIds.contains(judgeId)) {
            throw new BusinessRuleException("您是《" + reportTitle + "》的作者，不能为自己的报告评分");
        }
    }

    /**
     * OPEN → FINISHED: every eligible judge has scored every report; the ranking is kept with the awards the clerk
     * gives. An award follows the ranking: no report gets a better award than a report ranked above it.
     *
     * @param ranking the ranking of all reports taking part, best first
     * @param missing how many scores are still to be given
     * @param awards award by report id; reports without one get none
     */
    void finish(List<Ranking.Row> ranking, int missing, Map<Long, Award> awards, LocalDate today) {
        if (status == SelectionStatus.FINISHED) {
            throw new BusinessRuleException("评选已结束，不能重复结束");
        }
        if (ranking.isEmpty()) {
            throw new BusinessRuleException("本年度没有参评的调研报告，不能结束评选");
        }
        for (Ranking.Row row : ranking) {
            if (row.eligible() == 0) {
                throw new BusinessRuleException("《" + row.title() + "》的作者均为评委，没有可评分的评委，请增加评委");
            }
        }
        if (missing > 0) {
            throw new BusinessRuleException("尚有 " + missing + " 份评分未完成，全部评委评分后才能结束评选");
        }
        Set<Long> reportIds = new HashSet<>();
        ranking.forEach(r -> reportIds.add(r.reportId()));
        if (!reportIds.containsAll(awards.keySet())) {
            throw new BusinessRuleException("所评奖项的报告不在本次评选之中");
        }
        if (awards.values().stream().allMatch(a -> a == null)) {
            throw new BusinessRuleException("请至少评出一个奖项");
        }
        for (int i = 1; i < ranking.size(); i++) {
            Ranking.Row above = ranking.get(i - 1);
            Ranking.Row row = ranking.get(i);
            if (row.rank() > above.rank() && order(awards.get(row.reportId())) < order(awards.get(above.reportId()))) {
                throw new BusinessRuleException("《" + row.title() + "》排名在《" + above.title() + "》之后，所获奖项不能高于它");
            }
        }
        results.clear();
        for (Ranking.Row row : ranking) {
            results.add(new SelectionResult(row.reportId(), row.rank(), row.score(), awards.get(row.reportId())));
        }
        this.status = SelectionStatus.FINISHED;
        this.finishedOn = today;
    }

    /** Ordinal of an award, no award after the lowest. */
    private static int order(Award award) {
        return award == null ? Award.values().length : award.ordinal();
    }

    private void requireOpen(String action) {
        if (status == SelectionStatus.FINISHED) {
            throw new BusinessRuleException("评选已结束，不能再" + action);
        }
    }

    List<Ranking.Criterion> weights() {
        return criteria.stream()
                .map(c -> new Ranking.Criterion(c.id() == null ? 0 : c.id(), c.name(), c.weight()))
                .toList();
    }

    boolean isJudge(long personId) {
        return judgeIds.contains(personId);
    }

    boolean isFinished() {
        return status == SelectionStatus.FINISHED;
    }

    long orgId() {
        return orgId;
    }

    int year() {
        return year;
    }

    String title() {
        return title;
    }

    SelectionStatus status() {
        return status;
    }

    LocalDate finishedOn() {
        return finishedOn;
    }

    List<SelectionCriterion> criteria() {
        return criteria;
    }

    /** The judges, in the order they were named. */
    Set<Long> judgeIds() {
        return new LinkedHashSet<>(judgeIds);
    }

    List<SelectionResult> results() {
        return results;
    }

    @Override
    public OrgYear countsIn() {
        return new OrgYear(orgId(), year());
    }
}
