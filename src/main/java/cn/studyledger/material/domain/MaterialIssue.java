package cn.studyledger.material.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.events.YearRecord;
import cn.studyledger.material.IssueStatus;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One issue of 专题学习资料 (第N期 of a year): title, date, contents and files. A draft until the clerk publishes
 * it; only published issues count and are shown to members. Published issues are kept: they cannot be deleted.
 */
@Entity
@Table(name = "material_issue")
class MaterialIssue extends BaseEntity implements YearRecord {

    static final int MAX_FILES = 20;

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "issue_year", nullable = false)
    private int year;

    @Column(name = "issue_no", nullable = false)
    private int issueNo;

    @Column(nullable = false)
    private String title;

    @Column(name = "published_on", nullable = false)
    private LocalDate publishedOn;

    private String contents;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IssueStatus status = IssueStatus.DRAFT;

    @ElementCollection
    @CollectionTable(name = "material_issue_file", joinColumns = @JoinColumn(name = "issue_id"))
    @Column(name = "file_id", nullable = false)
    private Set<Long> fileIds = new HashSet<>();

    protected MaterialIssue() {}

    MaterialIssue(long orgId, int issueNo, String title, LocalDate publishedOn, String contents) {
        this.orgId = orgId;
        describe(issueNo, title, publishedOn, contents);
    }

    /** Sets number, title, date and contents; the year the number counts in is the year of the date. */
    void describe(int issueNo, String title, LocalDate publishedOn, String contents) {
        if (issueNo < 1) {
            throw new BusinessRuleException("期号应为正整数");
        }
        this.issueNo = issueNo;
        this.title = title;
        this.publishedOn = publishedOn;
        this.year = publishedOn.getYear();
        this.contents = contents;
    }

    /** DRAFT → PUBLISHED; publishing twice is refused. */
    void publish() {
        if (status != IssueStatus.DRAFT) {
            throw new BusinessRuleException(label() + "已发布，不能重复发布");
        }
        status = IssueStatus.PUBLISHED;
    }

    /** Refuses to delete a published issue: it is counted in the year's figures and was sent to the members. */
    void checkDeletable() {
        if (status == IssueStatus.PUBLISHED) {
            throw new BusinessRuleException(label() + "已发布，不能删除");
        }
    }

    void attach(long fileId) {
        if (fileIds.size() >= MAX_FILES) {
            throw new BusinessRuleException("每期资料最多" + MAX_FILES + "个附件");
        }
        fileIds.add(fileId);
        touch();
    }

    void detach(long fileId) {
        if (!fileIds.remove(fileId)) {
            throw NotFoundException.of("附件");
        }
        touch();
    }

    boolean hasFile(long fileId) {
        return fileIds.contains(fileId);
    }

    String label() {
        return year + "年第" + issueNo + "期";
    }

    long orgId() {
        return orgId;
    }

    int year() {
        return year;
    }

    int issueNo() {
        return issueNo;
    }

    String title() {
        return title;
    }

    LocalDate publishedOn() {
        return publishedOn;
    }

    String contents() {
        return contents;
    }

    IssueStatus status() {
        return status;
    }

    boolean isPublished() {
        return status == IssueStatus.PUBLISHED;
    }

    /** File ids in upload order (ids grow with each upload). */
    List<Long> fileIds() {
        return fileIds.stream().sorted().toList();
    }

    @Override
    public OrgYear countsIn() {
        return new OrgYear(orgId(), year());
    }
}
