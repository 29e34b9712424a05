package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.selfstudy.WritingKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A writing (学习成果) of one person: kind, title, date, an optional summary and an optional stored file. */
@Entity
@Table(name = "selfstudy_writing")
class Writing extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private WritingKind kind;

    @Column(nullable = false)
    private String title;

    @Column(name = "written_on", nullable = false)
    private LocalDate writtenOn;

    private String summary;

    @Column(name = "file_id")
    private Long fileId;

    protected Writing() {}

    Writing(long orgId, long personId, WritingKind kind, String title, LocalDate writtenOn, String summary) {
        this.orgId = orgId;
        this.personId = personId;
        edit(kind, title, writtenOn, summary);
    }

    void edit(WritingKind kind, String title, LocalDate writtenOn, String summary) {
        this.kind = kind;
        this.title = title;
        this.writtenOn = writtenOn;
        this.summary = summary;
    }

    /** Attaches a stored file, replacing the previous one (which stays in the store, unreferenced). */
    void attach(long fileId) {
        this.fileId = fileId;
    }

    long orgId() {
        return orgId;
    }

    long personId() {
        return personId;
    }

    WritingKind kind() {
        return kind;
    }

    String title() {
        return title;
    }

    LocalDate writtenOn() {
        return writtenOn;
    }

    String summary() {
        return summary;
    }

    Long fileId() {
        return fileId;
    }
}
