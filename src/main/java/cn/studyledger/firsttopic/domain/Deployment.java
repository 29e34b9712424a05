package cn.studyledger.firsttopic.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.events.YearRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A deployment (研究部署): what the group decided to do about a first-topic item. */
@Entity
@Table(name = "firsttopic_deployment")
class Deployment extends BaseEntity implements YearRecord {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "item_id", nullable = false, updatable = false)
    private long itemId;

    @Column(nullable = false)
    private String decision;

    @Column(name = "decided_on", nullable = false)
    private LocalDate decidedOn;

    @Column(name = "session_id")
    private Long sessionId;

    protected Deployment() {}

    /** A decision on an item, taken no earlier than the item was published. */
    Deployment(
            long orgId, long itemId, LocalDate itemPublishedOn, String decision, LocalDate decidedOn, Long sessionId) {
        if (decidedOn.isBefore(itemPublishedOn)) {
            throw new BusinessRuleException("部署日期不能早于议题发布日期（" + itemPublishedOn + "）");
        }
        this.orgId = orgId;
        this.itemId = itemId;
        this.decision = decision;
        this.decidedOn = decidedOn;
        this.sessionId = sessionId;
    }

    long orgId() {
        return orgId;
    }

    long itemId() {
        return itemId;
    }

    String decision() {
        return decision;
    }

    LocalDate decidedOn() {
        return decidedOn;
    }

    Long sessionId() {
        return sessionId;
    }

    @Override
    public OrgYear countsIn() {
        return OrgYear.of(orgId(), decidedOn());
    }
}
