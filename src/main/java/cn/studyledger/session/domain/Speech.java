package cn.studyledger.session.domain;

import cn.studyledger.session.SpeechKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 发言 at a session: a KEY speech (重点发言, with its written outline) or an EXCHANGE speech (交流发言). */
@Entity
@Table(name = "session_speech")
class Speech {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SpeechKind kind;

    @Column(nullable = false)
    private String title;

    @Column(name = "outline_file_id")
    private Long outlineFileId;

    protected Speech() {}

    Speech(long personId, SpeechKind kind, String title, Long outlineFileId) {
        this.personId = personId;
        this.kind = kind;
        this.title = title;
        this.outlineFileId = outlineFileId;
    }

    Long id() {
        return id;
    }

    long personId() {
        return personId;
    }

    SpeechKind kind() {
        return kind;
    }

    String title() {
        return title;
    }

    Long outlineFileId() {
        return outlineFileId;
    }
}
