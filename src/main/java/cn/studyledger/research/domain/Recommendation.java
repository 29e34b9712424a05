package cn.studyledger.research.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.events.YearRecord;
import cn.studyledger.research.RecommendationAdopted;
import cn.studyledger.research.RecommendationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A recommendation (对策建议) of a research topic: PROPOSED → ADOPTED (the policy or measure 政策举措 it became, the
 * document number and the date) or PROPOSED → NOT_ADOPTED (with a reason). A decided recommendation stays decided.
 */
@Entity
@Table(name = "research_recommendation")
class Recommendation extends BaseEntity implements YearRecord {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "topic_id", nullable = false, updatable = false)
    private long topicId;

    @Column(nullable = false)
    private String content;

    @Column(name = "proposer_person_id", nullable = false)
    private long proposerPersonId;

    @Column(name = "proposed_on", nullable = false)
    private LocalDate proposedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RecommendationStatus status = RecommendationStatus.PROPOSED;

    private String measure;

    @Column(name = "document_no")
    private String documentNo;

    @Column(name = "adopted_on")
    private LocalDate adoptedOn;

    private String reason;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    protected Recommendation() {}

    Recommendation(long orgId, long topicId, String content, long proposerPersonId, LocalDate proposedOn) {
        this.orgId = orgId;
        this.topicId = topicId;
        propose(content, proposerPersonId, proposedOn);
    }

    /** Changes what is proposed, by whom and when; only while it is undecided. */
    void revise(String content, long proposerPersonId, LocalDate proposedOn) {
        requireUndecided("修改");
        propose(content, proposerPersonId, proposedOn);
    }

    private void propose(String content, long proposerPersonId, LocalDate proposedOn) {
        if (content == null || content.isBlank()) {
            throw new BusinessRuleException("请填写建议内容");
        }
        if (proposedOn == null) {
            throw new BusinessRuleException("请填写提出日期");
        }
        this.content = content.trim();
        this.proposerPersonId = proposerPersonId;
        this.proposedOn = proposedOn;
    }

    /**
     * PROPOSED → ADOPTED: the recommendation became a policy or measure, issued under a document number on a date
     * that is neither before the proposal nor in the future.
     */
    void adopt(String measure, String documentNo, LocalDate adoptedOn, LocalDate today) {
        requireUndecided("采纳");
        if (measure == null || measure.isBlank()) {
            throw new BusinessRuleException("采纳须填写转化形成的政策举措");
        }
        if (documentNo == null || documentNo.isBlank()) {
            throw new BusinessRuleException("采纳须填写政策举措的文件文号");
        }
        if (adoptedOn == null) {
            throw new BusinessRuleException("采纳须填写采纳日期");
        }
        if (adoptedOn.isBefore(proposedOn)) {
            throw new BusinessRuleException("采纳日期不能早于建议提出日期（" + proposedOn + "）");
        }
        if (adoptedOn.isAfter(today)) {
            throw new BusinessRuleException("采纳日期不能晚于今天");
        }
        this.status = RecommendationStatus.ADOPTED;
        this.measure = measure.trim();
        this.documentNo = documentNo.trim();
        this.adoptedOn = adoptedOn;
        registerEvent(() -> new RecommendationAdopted(getId(), orgId, topicId, proposedOn, this.adoptedOn));
    }

    /** PROPOSED → NOT_ADOPTED: needs the reason, decided on a date not before the proposal nor in the future. */
    void reject(String reason, LocalDate decidedOn, LocalDate today) {
        requireUndecided("作不予采纳处理");
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("不予采纳须说明理由");
        }
        LocalDate date = decidedOn == null ? today : decidedOn;
        if (date.isBefore(proposedOn)) {
            throw new BusinessRuleException("决定日期不能早于建议提出日期（" + proposedOn + "）");
        }
        if (date.isAfter(today)) {
            throw new BusinessRuleException("决定日期不能晚于今天");
        }
        this.status = RecommendationStatus.NOT_ADOPTED;
        this.reason = reason.trim();
        this.decidedOn = date;
    }

    /** Only an undecided recommendation can be deleted: a decision is part of the record. */
    void checkDeletable() {
        requireUndecided("删除");
    }

    private void requireUndecided(String action) {
        if (status == RecommendationStatus.ADOPTED) {
            throw new BusinessRuleException("该建议已采纳转化，不能再" + action);
        }
        if (status == RecommendationStatus.NOT_ADOPTED) {
            throw new BusinessRuleException("该建议已确定不予采纳，不能再" + action);
        }
    }

    long orgId() {
        return orgId;
    }

    long topicId() {
        return topicId;
    }

    String content() {
        return content;
    }

    long proposerPersonId() {
        return proposerPersonId;
    }

    LocalDate proposedOn() {
        return proposedOn;
    }

    RecommendationStatus status() {
        return status;
    }

    String measure() {
        return measure;
    }

    String documentNo() {
        return documentNo;
    }

    LocalDate adoptedOn() {
        return adoptedOn;
    }

    String reason() {
        return reason;
    }

    LocalDate decidedOn() {
        return decidedOn;
    }

    @Override
    public OrgYear countsIn() {
        return OrgYear.of(orgId(), proposedOn());
    }
}
