package cn.studyledger.assessment.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An organisation's assessment (年度考核) of its direct subordinate units for a year: its criteria and settings, where
 * it stands in DRAFT → PUBLISHED (公示, open to objections until a date) → APPROVED (by the 组长) → ISSUED (通报), and
 * from publication on the snapshot of every unit's items. Stored from the first change; until then the defaults.
 */
@Entity
@Table(name = "assessment")
class Assessment extends BaseEntity {

    enum Status {
        DRAFT("草稿"),
        PUBLISHED("公示中"),
        APPROVED("已审定"),
        ISSUED("已通报");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** 公示期: working days the units may object; 加减分 at most this many points either way. */
    static final int DEFAULT_OBJECTION_DAYS = 5;

    static final BigDecimal DEFAULT_MAX_ADJUSTMENT = BigDecimal.valueOf(10);

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "assessment_year", nullable = false, updatable = false)
    private int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.DRAFT;

    @Column(name = "objection_days", nullable = false)
    private int objectionDays = DEFAULT_OBJECTION_DAYS;

    @Column(name = "max_adjustment", nullable = false)
    private BigDecimal maxAdjustment = DEFAULT_MAX_ADJUSTMENT;

    @Column(name = "settings_source", nullable = false)
    private String settingsSource = Criterion.DEFAULT_SOURCE;

    @Column(name = "published_on")
    private LocalDate publishedOn;

    @Column(name = "published_by")
    private String publishedBy;

    @Column(name = "objection_until")
    private LocalDate objectionUntil;

    @Column(name = "approved_on")
    private LocalDate approvedOn;

    @Column(name = "approved_by")
    private String approvedBy;

    @Column(name = "returned_comment")
    private String returnedComment;

    @Column(name = "issued_on")
    private LocalDate issuedOn;

    @Column(name = "issued_by")
    private String issuedBy;

    @Column(name = "document_number")
    private String documentNumber;

    @Column(name = "file_id")
    private Long fileId;

    @ElementCollection
    @CollectionTable(name = "assessment_criterion", joinColumns = @JoinColumn(name = "assessment_id"))
    @OrderColumn(name = "position")
    private List<Criterion> criteria = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "assessment_result_item", joinColumns = @JoinColumn(name = "assessment_id"))
    @OrderColumn(name = "position")
    private List<ResultItem> results = new ArrayList<>();

    protected Assessment() {}

    Assessment(long orgId, int year) {
        this.orgId = orgId;
        this.year = year;
        this.criteria = new ArrayList<>(Criterion.defaults());
    }

    /** This assessment with its criteria and snapshot read, so that it can be shown after its transaction. */
    Assessment loaded() {
        org.hibernate.Hibernate.initialize(criteria);
        org.hibernate.Hibernate.initialize(results);
        return this;
    }

    /** A row created by its first change (without criteria yet) starts from the default criteria. */
    void startWithDefaults() {
        if (criteria.isEmpty()) {
            criteria.addAll(Criterion.defaults());
        }
    }

    /** The criteria and settings; only while a draft. */
    void configure(List<Criterion> criteria, int objectionDays, BigDecimal maxAdjustment, String source) {
        requireStatus(Status.DRAFT, "只有草稿状态的考核可以修改考核指标");
        this.criteria.clear();
        this.criteria.addAll(criteria);
        this.objectionDays = objectionDays;
        this.maxAdjustment = maxAdjustment;
        this.settingsSource = source;
        touch();
    }

    /** 公示: freezes the items and opens the objection period until the date. */
    void publish(List<ResultItem> snapshot, LocalDate on, String by, LocalDate until) {
        requireStatus(Status.DRAFT, "该考核已" + status.label() + "，不能再次公示");
        results.clear();
        results.addAll(snapshot);
        status = Status.PUBLISHED;
        publishedOn = on;
        publishedBy = by;
        objectionUntil = until;
        returnedComment = null;
        touch();
    }

    /** 组长审定. */
    void approve(LocalDate on, String by) {
        requireStatus(Status.PUBLISHED, "只有公示中的考核可以审定");
        status = Status.APPROVED;
        approvedOn = on;
        approvedBy = by;
        touch();
    }

    /** 组长退回: back to a draft, the snapshot dropped, with the reason. */
    void returnToDraft(String comment) {
        if (status != Status.PUBLISHED && status != Status.APPROVED) {
            throw new BusinessRuleException("只有公示中或已审定的考核可以退回");
        }
        if (comment == null || comment.isBlank()) {
            throw new BusinessRuleException("退回时请写明退回意见");
        }
        status = Status.DRAFT;
        results.clear();
        publishedOn = null;
        publishedBy = null;
        objectionUntil = null;
        approvedOn = null;
        approvedBy = null;
        returnedComment = comment.strip();
        touch();
    }

    /** 通报: the approved snapshot, issued with its document. */
    void issue(LocalDate on, String by, String documentNumber, long fileId) {
        requireStatus(Status.APPROVED, "考核结果须经组长审定后才能通报");
        status = Status.ISSUED;
        issuedOn = on;
        issuedBy = by;
        this.documentNumber = documentNumber;
        this.fileId = fileId;
        touch();
    }

    /** Adjustments and commendations change only before approval (the snapshot approved is the one issued). */
    void requireOpen() {
        if (status == Status.APPROVED || status == Status.ISSUED) {
            throw new BusinessRuleException("考核结果已" + status.label() + "，不能再修改");
        }
    }

    private void requireStatus(Status wanted, String message) {
        if (status != wanted) {
            throw new BusinessRuleException(message);
        }
    }

    long orgId() {
        return orgId;
    }

    int year() {
        return year;
    }

    Status status() {
        return status;
    }

    int objectionDays() {
        return objectionDays;
    }

    BigDecimal maxAdjustment() {
        return maxAdjustment;
    }

    String settingsSource() {
        return settingsSource;
    }

    LocalDate publishedOn() {
        return publishedOn;
    }

    String publishedBy() {
        return publishedBy;
    }

    LocalDate objectionUntil() {
        return objectionUntil;
    }

    LocalDate approvedOn() {
        return approvedOn;
    }

    String approvedBy() {
        return approvedBy;
    }

    String returnedComment() {
        return returnedComment;
    }

    LocalDate issuedOn() {
        return issuedOn;
    }

    String issuedBy() {
        return issuedBy;
    }

    String documentNumber() {
        return documentNumber;
    }

    Long fileId() {
        return fileId;
    }

    List<Criterion> criteria() {
        return List.copyOf(criteria);
    }

    List<ResultItem> results() {
        return List.copyOf(results);
    }
}
