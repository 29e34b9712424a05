package cn.studyledger.liaison.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.events.YearRecord;
import cn.studyledger.liaison.SubmissionKind;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One filing (报送) of a unit's own final document of a year to the organisation above it, with the figures frozen in
 * it; SUBMITTED until the superior's clerk accepts or returns it. A returned filing stays as it was; the unit files
 * again as a new one.
 */
@Entity
@Table(name = "liaison_submission")
class Submission extends BaseEntity implements YearRecord {

    enum Status {
        SUBMITTED("待审核"),
        ACCEPTED("已通过"),
        RETURNED("已退回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** A figure frozen in the filed report. */
    @Embeddable
    record Figure(
            @Column(name = "figure_key") String key,
            String label,
            @Column(name = "value_text") String value,
            String unit) {}

    @Column(name = "unit_org_id", nullable = false, updatable = false)
    private long unitOrgId;

    @Column(name = "superior_org_id", nullable = false, updatable = false)
    private long superiorOrgId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SubmissionKind kind;

    @Column(name = "submission_year", nullable = false, updatable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.SUBMITTED;

    @Column(name = "submitted_on", nullable = false, updatable = false)
    private LocalDate submittedOn;

    @Column(name = "submitted_by", nullable = false, updatable = false)
    private String submittedBy;

    @Column(name = "due_on", nullable = false, updatable = false)
    private LocalDate dueOn;

    @Column(name = "file_id", nullable = false, updatable = false)
    private long fileId;

    @Column(name = "document_name", nullable = false, updatable = false)
    private String documentName;

    @Column(name = "decided_on")
    private LocalDate decidedOn;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decision_comment")
    private String comment;

    @ElementCollection
    @CollectionTable(name = "liaison_submission_figure", joinColumns = @JoinColumn(name = "submission_id"))
    @OrderColumn(name = "position")
    private List<Figure> figures = new ArrayList<>();

    /** The signer's fingerprint, for a record imported from a signed file of another installation. */
    @Column(name = "origin_fingerprint", updatable = false)
    private String originFingerprint;

    /** The SHA-256 of the signed manifest it was imported from: the same file is imported once. */
    @Column(name = "origin_sha256", updatable = false)
    private String originSha256;

    protected Submission() {}

    Submission(
            long unitOrgId,
            long superiorOrgId,
            SubmissionKind kind,
            int year,
            LocalDate submittedOn,
            String submittedBy,
            LocalDate dueOn,
            long fileId,
            String documentName,
            List<Figure> figures) {
        this.unitOrgId = unitOrgId;
        this.superiorOrgId = superiorOrgId;
        this.kind = kind;
        this.year = year;
        this.submittedOn = submittedOn;
        this.submittedBy = submittedBy;
        this.dueOn = dueOn;
        this.fileId = fileId;
        this.documentName = documentName;
        this.figures = new ArrayList<>(figures);
    }

    @Override
    public OrgYear countsIn() {
        return new OrgYear(unitOrgId, year);
    }

    /** Accepts or returns the filing; only a filing waiting for the decision, and a return needs its reason. */
    void decide(boolean accept, String comment, LocalDate on, String by) {
        if (status != Status.SUBMITTED) {
            throw new BusinessRuleException("该报送已" + status.label() + "，不能再次审核");
        }
        if (!accept && (comment == null || comment.isBlank())) {
            throw new BusinessRuleException("退回时请写明退回意见");
        }
        status = accept ? Status.ACCEPTED : Status.RETURNED;
        this.comment = comment == null || comment.isBlank() ? null : comment.strip();
        decidedOn = on;
        decidedBy = by;
    }

    long unitOrgId() {
        return unitOrgId;
    }

    long superiorOrgId() {
        return superiorOrgId;
    }

    SubmissionKind kind() {
        return kind;
    }

    int year() {
        return year;
    }

    Status status() {
        return status;
    }

    LocalDate submittedOn() {
        return submittedOn;
    }

    String submittedBy() {
        return submittedBy;
    }

    LocalDate dueOn() {
        return dueOn;
    }

    long fileId() {
        return fileId;
    }

    String documentName() {
        return documentName;
    }

    LocalDate decidedOn() {
        return decidedOn;
    }

    String decidedBy() {
        return decidedBy;
    }

    String comment() {
        return comment;
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    boolean onTime() {
        return !submittedOn.isAfter(dueOn);
    }

    /** Marks the record as imported from a signed file: who signed it and which file it was. */
    void importedFrom(String fingerprint, String manifestSha256) {
        this.originFingerprint = fingerprint;
        this.originSha256 = manifestSha256;
    }

    String originFingerprint() {
        return originFingerprint;
    }
}
