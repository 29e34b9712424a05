package cn.studyledger.supervision.domain;

import cn.studyledger.supervision.MaterialKind;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A file the unit submitted before the session: a study material or a speech outline. */
@Embeddable
class VisitMaterial {

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private MaterialKind kind;

    @Column(name = "file_id", nullable = false)
    private long fileId;

    protected VisitMaterial() {}

    VisitMaterial(MaterialKind kind, long fileId) {
        this.kind = kind;
        this.fileId = fileId;
    }

    MaterialKind kind() {
        return kind;
    }

    long fileId() {
        return fileId;
    }
}
