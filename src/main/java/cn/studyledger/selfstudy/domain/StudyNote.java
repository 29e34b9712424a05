package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A study note (学习笔记): one stored file attached to a self-study entry; its own row, so the entry's version stays. */
@Entity
@Table(name = "selfstudy_note")
class StudyNote extends BaseEntity {

    @Column(name = "entry_id", nullable = false, updatable = false)
    private long entryId;

    @Column(name = "file_id", nullable = false, updatable = false)
    private long fileId;

    protected StudyNote() {}

    StudyNote(long entryId, long fileId) {
        this.entryId = entryId;
        this.fileId = fileId;
    }

    long entryId() {
        return entryId;
    }

    long fileId() {
        return fileId;
    }
}
