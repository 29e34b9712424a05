package cn.studyledger.material.domain;

import cn.studyledger.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** A document of the study library (学习资料库): what it is, where it comes from, and its stored file. */
@Entity
@Table(name = "material_document")
class LibraryDocument extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String category;

    /** Normalised tags joined by commas, e.g. {@code 生态文明,党纪学习}. */
    private String tags;

    private String source;

    @Column(name = "published_on")
    private LocalDate publishedOn;

    @Column(name = "file_id", nullable = false)
    private long fileId;

    protected LibraryDocument() {}

    LibraryDocument(long orgId, long fileId) {
        this.orgId = orgId;
        this.fileId = fileId;
    }

    void describe(String title, String category, String tags, String source, LocalDate publishedOn) {
        this.title = title;
        this.category = category;
        this.tags = tags;
        this.source = source;
        this.publishedOn = publishedOn;
    }

    void replaceFile(long fileId) {
        this.fileId = fileId;
    }

    long orgId() {
        return orgId;
    }

    String title() {
        return title;
    }

    String category() {
        return category;
    }

    List<String> tagList() {
        return tags == null ? List.of() : Arrays.asList(tags.split(","));
    }

    String source() {
        return source;
    }

    LocalDate publishedOn() {
        return publishedOn;
    }

    long fileId() {
        return fileId;
    }
}
