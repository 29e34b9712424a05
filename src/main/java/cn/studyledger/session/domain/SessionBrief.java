package cn.studyledger.session.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A session's 学习简报: drafted from the record, edited by the clerk, then issued once under the organisation's next
 * number of the year (第N期), after which it is frozen.
 */
@Entity
@Table(name = "session_brief")
class SessionBrief extends BaseEntity {

    /** Where a brief stands: a draft the clerk edits, or issued and frozen. */
    enum Status {
        DRAFT,
        ISSUED
    }

    static final String FROZEN = "学习简报已印发，不能再修改";

    @Column(name = "session_id", nullable = false, updatable = false)
    private long sessionId;

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "brief_year", nullable = false)
    private int year;

    @Column(name = "issue_no")
    private Integer issueNo;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "issued_on")
    private LocalDate issuedOn;

    @Column(name = "issued_by")
    private String issuedBy;

    protected SessionBrief() {}

    SessionBrief(long sessionId, long orgId, int year) {
        this.sessionId = sessionId;
        this.orgId = orgId;
        this.year = year;
        this.status = Status.DRAFT;
    }

    void edit(String title, String body) {
        requireDraft();
        if (title == null || title.isBlank() || title.trim().length() > 200) {
            throw new BusinessRuleException("请填写简报标题（最长200字）");
        }
        if (body == null || body.isBlank() || body.length() > 20000) {
            throw new BusinessRuleException("请填写简报正文（最长20000字）");
        }
        this.title = title.trim();
        this.body = body.strip();
    }

    /** Issues the brief as 第{@code issueNo}期 of its year; a brief is issued once. */
    void issue(int issueNo, LocalDate on, String by) {
        requireDraft();
        this.issueNo = issueNo;
        this.issuedOn = on;
        this.issuedBy = by;
        this.status = Status.ISSUED;
        touch();
    }

    private void requireDraft() {
        if (status == Status.ISSUED) {
            throw new BusinessRuleException(FROZEN);
        }
    }

    long sessionId() {
        return sessionId;
    }

    long orgId() {
        return orgId;
    }

    int year() {
        return year;
    }

    Integer issueNo() {
        return issueNo;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    Status status() {
        return status;
    }

    LocalDate issuedOn() {
        return issuedOn;
    }

    String issuedBy() {
        return issuedBy;
    }
}
