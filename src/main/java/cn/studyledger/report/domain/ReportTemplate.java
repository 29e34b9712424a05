package cn.studyledger.report.domain;

import cn.studyledger.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** A user's own .docx template with poi-tl tags, valid when it was uploaded (only valid ones are stored). */
@Entity
@Table(name = "report_template")
class ReportTemplate extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "file_id", nullable = false, updatable = false)
    private long fileId;

    @Column(nullable = false, updatable = false)
    private String tags;

    protected ReportTemplate() {}

    ReportTemplate(long orgId, String name, long fileId, List<String> tags) {
        this.orgId = orgId;
        this.name = name.length() > 200 ? name.substring(0, 200) : name;
        this.fileId = fileId;
        String joined = String.join(",", tags);
        this.tags = joined.length() > 2000 ? joined.substring(0, 2000) : joined;
    }

    long orgId() {
        return orgId;
    }

    String name() {
        return name;
    }

    long fileId() {
        return fileId;
    }

    List<String> tags() {
        return tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
    }
}
