package cn.studyledger.liaison.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.events.YearRecord;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One target unit's part of a {@link Notice}: whether its clerk acknowledged it (签收), when and by whom, a note, and
 * the unit's sessions that carried it out. Counts in the issuer's year, whose coverage figure it feeds.
 */
@Entity
@Table(name = "liaison_notice_receipt")
class NoticeReceipt extends BaseEntity implements YearRecord {

    @Column(name = "notice_id", nullable = false, updatable = false)
    private long noticeId;

    @Column(name = "unit_org_id", nullable = false, updatable = false)
    private long unitOrgId;

    @Column(name = "acknowledged_at")
    private LocalDateTime acknowledgedAt;

    @Column(name = "acknowledged_by")
    private String acknowledgedBy;

    private String note;

    @ElementCollection
    @CollectionTable(name = "liaison_notice_receipt_session", joinColumns = @JoinColumn(name = "receipt_id"))
    @Column(name = "session_id", nullable = false)
    private Set<Long> sessionIds = new LinkedHashSet<>();

    /** The issuer's year, for {@link #countsIn()}; not stored (the notice holds it). */
    @jakarta.persistence.Transient
    private transient OrgYear issuerYear;

    protected NoticeReceipt() {}

    NoticeReceipt(Notice notice, long unitOrgId) {
        this.noticeId = notice.getId();
        this.unitOrgId = unitOrgId;
        this.issuerYear = notice.countsIn();
    }

    @Override
    public OrgYear countsIn() {
        return issuerYear;
    }

    /** Records the acknowledgement (the first one's time stays) and the sessions that carried the notice out. */
    void acknowledge(LocalDateTime at, String by, String note, Collection<Long> sessions, Notice notice) {
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
            acknowledgedBy = by;
        }
        this.note = note;
        sessionIds.clear();
        sessionIds.addAll(sessions);
        issuerYear = notice.countsIn();
    }

    long noticeId() {
        return noticeId;
    }

    long unitOrgId() {
        return unitOrgId;
    }

    LocalDateTime acknowledgedAt() {
        return acknowledgedAt;
    }

    String acknowledgedBy() {
        return acknowledgedBy;
    }

    String note() {
        return note;
    }

    Set<Long> sessionIds() {
        return Set.copyOf(sessionIds);
    }
}
