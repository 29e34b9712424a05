package cn.studyledger.research.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/**
 * A report (调研报告) of an investigation: title, authors, the field (领域) it is about and, optionally, its file.
 * Once a judge has scored it, it is frozen, so every judge scored the same report by the same authors.
 */
@Entity
@Table(name = "research_report")
class InvestigationReport extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "investigation_id", nullable = false, updatable = false)
    private long investigationId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String field;

    @Column(name = "file_id")
    private Long fileId;

    /** Chosen by the clerk as the year's 专题调研报告 named in the annual report (over the selection's first). */
    @Column(nullable = false)
    private boolean chosen;

    @ElementCollection
    @CollectionTable(name = "research_report_author", joinColumns = @JoinColumn(name = "report_id"))
    @Column(name = "person_id", nullable = false)
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    private List<Long> authorIds = new ArrayList<>();

    protected InvestigationReport() {}

    InvestigationReport(long orgId, long investigationId) {
        this.orgId = orgId;
        this.investigationId = investigationId;
    }

    /** Sets what the report is; refused once it has been scored. */
    void describe(String title, String field, Collection<Long> authorIds, boolean scored) {
        if (scored) {
            throw new BusinessRuleException("该报告已有评委评分，不能再修改");
        }
        if (authorIds.isEmpty()) {
            throw new BusinessRuleException("请选择报告作者");
        }
        this.title = title;
        this.field = field;
        this.authorIds.clear();
        this.authorIds.addAll(new LinkedHashSet<>(authorIds));
    }

    void attach(Long fileId) {
        this.fileId = fileId;
    }

    void choose(boolean chosen) {
        this.chosen = chosen;
    }

    boolean isAuthor(long personId) {
        return authorIds.contains(personId);
    }

    long orgId() {
        return orgId;
    }

    long investigationId() {
        return investigationId;
    }

    String title() {
        return title;
    }

    String field() {
        return field;
    }

    Long fileId() {
        return fileId;
    }

    boolean chosen() {
        return chosen;
    }

    List<Long> authorIds() {
        return authorIds;
    }
}
