package cn.studyledger.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One member's taking part in a {@link StudyTest}, with an optional score (0–100) and note. */
@Entity
@Table(name = "session_study_test_participant")
class StudyTestParticipant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    private BigDecimal score;

    private String note;

    protected StudyTestParticipant() {}

    StudyTestParticipant(long personId, BigDecimal score, String note) {
        this.personId = personId;
        record(score, note);
    }

    void record(BigDecimal score, String note) {
        this.score = score;
        this.note = note;
    }

    Long id() {
        return id;
    }

    long personId() {
        return personId;
    }

    BigDecimal score() {
        return score;
    }

    String note() {
        return note;
    }
}
