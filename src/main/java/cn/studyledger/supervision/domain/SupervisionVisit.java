package cn.studyledger.supervision.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.events.YearRecord;
import cn.studyledger.supervision.MaterialKind;
import cn.studyledger.supervision.VisitStage;
import cn.studyledger.supervision.VisitStageCompleted;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A supervision visit (列席旁听) of a subordinate unit's central-group session by observers of the superior
 * organisation, through its three stages (see {@link VisitStage}). Every change of stage is a method here that
 * refuses an illegal transition with the reason; dates come in as arguments ({@code today} is the office's date),
 * so the rules hold the same for the demo year and for tests.
 */
@Entity
@Table(name = "supervision_visit")
class SupervisionVisit extends BaseEntity implements YearRecord {

    /** The 小结's three parts together, in characters. */
    static final int SUMMARY_MAX_CHARS = 500;

    @Column(name = "superior_org_id", nullable = false, updatable = false)
    private long superiorOrgId;

    @Column(name = "unit_org_id", nullable = false, updatable = false)
    private long unitOrgId;

    @Column(name = "planned_on", nullable = false)
    private LocalDate plannedOn;

    @Column(name = "session_title", nullable = false)
    private String sessionTitle;

    private String place;

    @ElementCollection
    @CollectionTable(name = "supervision_visit_observer", joinColumns = @JoinColumn(name = "visit_id"))
    @Column(name = "person_id", nullable = false)
    private Set<Long> observerPersonIds = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private VisitStage stage = VisitStage.PLANNED;

    @Column(name = "study_plan")
    private String studyPlan;

    @ElementCollection
    @CollectionTable(name = "supervision_visit_file", joinColumns = @JoinColumn(name = "visit_id"))
    @OrderColumn(name = "position")
    private List<VisitMaterial> materials = new ArrayList<>();

    @Column(name = "submitted_on")
    private LocalDate submittedOn;

    @Column(name = "review_comment")
    private String reviewComment;

    @Column(name = "reviewed_on")
    private LocalDate reviewedOn;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    private String notes;

    @Column(name = "observed_on")
    private LocalDate observedOn;

    @ElementCollection
    @CollectionTable(name = "supervision_rating", joinColumns = @JoinColumn(name = "visit_id"))
    @OrderColumn(name = "position")
    private List<Rating> ratings = new ArrayList<>();

    @Column(name = "weighted_score")
    private BigDecimal weightedScore;

    @Column(name = "summary_overall")
    private String summaryOverall;

    @Column(name = "summary_highlights")
    private String summaryHighlights;

    @Column(name = "summary_problems")
    private String summaryProblems;

    @Column(name = "summarised_on")
    private LocalDate summarisedOn;

    @Column(name = "summary_due_on")
    private LocalDate summaryDueOn;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    protected SupervisionVisit() {}

    /** A planned visit: a subordinate unit's session on a date, with the observers who will attend. */
    SupervisionVisit(
            long superiorOrgId,
            long unitOrgId,
            LocalDate plannedOn,
            String sessionTitle,
            String place,
            Set<Long> observerPersonIds) {
        this.superiorOrgId = superiorOrgId;
        this.unitOrgId = unitOrgId;
        describe(plannedOn, sessionTitle, place, observerPersonIds);
    }

    /** Changes the date, the session or the observers; only before the unit has submitted anything. */
    void replan(LocalDate plannedOn, String sessionTitle, String place, Set<Long> observerPersonIds) {
        if (stage != VisitStage.PLANNED) {
            throw new BusinessRuleException("单位已报送学习方案（当前：" + stage.label() + "），旁听安排不能再修改");
        }
        describe(plannedOn, sessionTitle, place, observerPersonIds);
    }

    private void describe(LocalDate plannedOn, String sessionTitle, String place, Set<Long> observerPersonIds) {
        if (observerPersonIds == null || observerPersonIds.isEmpty()) {
            throw new BusinessRuleException("请至少安排一名旁听人员");
        }
        this.plannedOn = plannedOn;
        this.sessionTitle = sessionTitle;
        this.place = place;
        this.observerPersonIds.clear();
        this.observerPersonIds.addAll(observerPersonIds);
    }

    /** A planned visit nobody has acted on yet may be removed from the plan. */
    void requireRemovable() {
        if (stage != VisitStage.PLANNED) {
            throw new BusinessRuleException("单位已报送学习方案（当前：" + stage.label() + "），不能删除该旁听安排");
        }
    }

    /**
     * Stage 1: the unit submits (or, after a return, resubmits) its 学习方案 with study materials and speech
     * outlines, on or before {@code deadline} (working days before the session by the rule settings). Files add to those submitted
     * before; after all, at least one of each kind must be there.
     */
    void submit(String studyPlan, List<VisitMaterial> added, LocalDate today, LocalDate deadline) {
        requireSubmissionWindow(today, deadline);
        if (studyPlan == null || studyPlan.isBlank()) {
            throw new BusinessRuleException("请填写学习方案");
        }
        List<VisitMaterial> all = new ArrayList<>(materials);
        all.addAll(added);
        if (all.stream().noneMatch(m -> m.kind() == MaterialKind.MATERIAL)) {
            throw new BusinessRuleException("请上传学习材料");
        }
        if (all.stream().noneMatch(m -> m.kind() == MaterialKind.OUTLINE)) {
            throw new BusinessRuleException("请上传发言提纲");
        }
        this.studyPlan = studyPlan.trim();
        this.materials.addAll(added);
        this.submittedOn = today;
        this.stage = VisitStage.MATERIALS_SUBMITTED;
    }

    /** Materials are awaited and it is not later than {@code deadline} (the last day to submit). */
    void requireSubmissionWindow(LocalDate today, LocalDate deadline) {
        if (!stage.awaitsMaterials()) {
            throw new BusinessRuleException("当前环节为“" + stage.label() + "”，不能报送学习方案");
        }
        if (today.isAfter(deadline)) {
            throw new BusinessRuleException(
                    "学习方案、学习材料和发言提纲的报送截止日为 " + deadline + "（含当日，学习日期 " + plannedOn + "），已超过报送期限，请与旁听组联系调整学习日期");
        }
    }

    /** The unit withdraws a file it submitted, while its materials are still with it (planned or returned). */
    void removeMaterial(long fileId) {
        if (!stage.awaitsMaterials()) {
            throw new BusinessRuleException("当前环节为“" + stage.label() + "”，不能删除已报送的材料");
        }
        if (!materials.removeIf(m -> m.fileId() == fileId)) {
            throw new BusinessRuleException("该材料不属于本次旁听");
        }
    }

    /** Stage 1 decided: the observers approve the submitted materials, optionally with a comment. */
    void approve(String comment, LocalDate today, String by) {
        requireSubmitted();
        this.stage = VisitStage.APPROVED;
        this.reviewComment = comment == null || comment.isBlank() ? null : comment.trim();
        this.reviewedOn = today;
        this.reviewedBy = by;
    }

    /** Stage 1 returned: the observers send the materials back with what is to be changed. */
    void returnForRevision(String comment, LocalDate today, String by) {
        requireSubmitted();
        if (comment == null || comment.isBlank()) {
            throw new BusinessRuleException("退回学习方案须填写修改意见");
        }
        this.stage = VisitStage.RETURNED;
        this.reviewComment = comment.trim();
        this.reviewedOn = today;
        this.reviewedBy = by;
    }

    private void requireSubmitted() {
        if (stage != VisitStage.MATERIALS_SUBMITTED) {
            throw new BusinessRuleException("当前环节为“" + stage.label() + "”，没有待审核的学习方案");
        }
    }

    /**
     * Stage 2: on-site notes and a score per criterion, on or after the session day; the weighted score is the
     * weight-averaged score with one decimal.
     */
    void observe(String notes, List<Rating> scored, LocalDate today) {
        if (stage != VisitStage.APPROVED) {
            throw new BusinessRuleException(
                    stage.step() == 1 ? "学习方案审核通过后才能登记旁听情况" : "当前环节为“" + stage.label() + "”，不能再登记旁听情况");
        }
        if (today.isBefore(plannedOn)) {
            throw new BusinessRuleException("旁听情况须在学习当天（" + plannedOn + "）或之后登记");
        }
        if (notes == null || notes.isBlank()) {
            throw new BusinessRuleException("请填写现场旁听记录");
        }
        if (scored.isEmpty()) {
            throw new BusinessRuleException("请按评价指标逐项评分");
        }
        this.notes = notes.trim();
        this.ratings.clear();
        this.ratings.addAll(scored);
        this.weightedScore = weighted(scored);
        this.observedOn = today;
        this.stage = VisitStage.OBSERVED;
    }

    static BigDecimal weighted(List<Rating> scored) {
        long weights = scored.stream().mapToLong(Rating::weight).sum();
        long total =
                scored.stream().mapToLong(r -> (long) r.weight() * r.score()).sum();
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(weights), 1, RoundingMode.HALF_UP);
    }

    /**
     * Stage 3: the 小结 in its three parts (总体评价, 特色亮点, 存在问题), at most 500 characters together. Due within
     * the working days of the rule settings ({@code dueOn}); a late one is accepted and flagged.
     */
    void summarise(String overall, String highlights, String problems, LocalDate today, LocalDate dueOn) {
        if (stage != VisitStage.OBSERVED) {
            throw new BusinessRuleException(stage.step() < 3 ? "登记旁听情况后才能填写小结" : "当前环节为“" + stage.label() + "”，小结已提交");
        }
        String o = required(overall, "总体评价");
        String h = required(highlights, "特色亮点");
        String p = required(problems, "存在问题");
        int length = length(o) + length(h) + length(p);
        if (length > SUMMARY_MAX_CHARS) {
            throw new BusinessRuleException("小结三部分合计不能超过" + SUMMARY_MAX_CHARS + "字（现为" + length + "字）");
        }
        this.summaryOverall = o;
        this.summaryHighlights = h;
        this.summaryProblems = p;
        this.summarisedOn = today;
        this.summaryDueOn = dueOn;
        this.stage = VisitStage.SUMMARISED;
        registerEvent(() -> new VisitStageCompleted(getId(), superiorOrgId, unitOrgId, stage, plannedOn));
    }

    private static String required(String text, String part) {
        if (text == null || text.isBlank()) {
            throw new BusinessRuleException("请填写小结的“" + part + "”");
        }
        return text.trim();
    }

    /** Characters as a reader counts them (a character outside the BMP is one, not two). */
    static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /** Rectification items may be raised once the 小结 is in and until the visit is closed. */
    void requireOpenForRectification() {
        if (stage == VisitStage.CLOSED) {
            throw new BusinessRuleException("该次旁听已办结，不能再提出整改事项");
        }
        if (stage != VisitStage.SUMMARISED) {
            throw new BusinessRuleException("提交小结后才能提出整改事项");
        }
    }

    /** SUMMARISED → CLOSED once every rectification item is closed (销号) or cancelled. */
    void close(boolean allItemsResolved, LocalDate today) {
        if (stage == VisitStage.CLOSED) {
            throw new BusinessRuleException("该次旁听已办结");
        }
        if (stage != VisitStage.SUMMARISED) {
            throw new BusinessRuleException("提交小结后才能办结");
        }
        if (!allItemsResolved) {
            throw new BusinessRuleException("还有整改事项未销号或撤销，不能办结");
        }
        this.closedOn = today;
        this.stage = VisitStage.CLOSED;
        registerEvent(() -> new VisitStageCompleted(getId(), superiorOrgId, unitOrgId, stage, plannedOn));
    }

    /** The 小结 came after its due date. */
    boolean isSummaryLate() {
        return summarisedOn != null && summaryDueOn != null && summarisedOn.isAfter(summaryDueOn);
    }

    long superiorOrgId() {
        return superiorOrgId;
    }

    long unitOrgId() {
        return unitOrgId;
    }

    LocalDate plannedOn() {
        return plannedOn;
    }

    String sessionTitle() {
        return sessionTitle;
    }

    String place() {
        return place;
    }

    Set<Long> observerPersonIds() {
        return Set.copyOf(observerPersonIds);
    }

    VisitStage stage() {
        return stage;
    }

    String studyPlan() {
        return studyPlan;
    }

    List<VisitMaterial> materials() {
        return List.copyOf(materials);
    }

    LocalDate submittedOn() {
        return submittedOn;
    }

    String reviewComment() {
        return reviewComment;
    }

    LocalDate reviewedOn() {
        return reviewedOn;
    }

    String reviewedBy() {
        return reviewedBy;
    }

    String notes() {
        return notes;
    }

    LocalDate observedOn() {
        return observedOn;
    }

    List<Rating> ratings() {
        return List.copyOf(ratings);
    }

    BigDecimal weightedScore() {
        return weightedScore;
    }

    String summaryOverall() {
        return summaryOverall;
    }

    String summaryHighlights() {
        return summaryHighlights;
    }

    String summaryProblems() {
        return summaryProblems;
    }

    LocalDate summarisedOn() {
        return summarisedOn;
    }

    LocalDate summaryDueOn() {
        return summaryDueOn;
    }

    LocalDate closedOn() {
        return closedOn;
    }

    @Override
    public OrgYear countsIn() {
        return OrgYear.of(superiorOrgId(), plannedOn());
    }
}
