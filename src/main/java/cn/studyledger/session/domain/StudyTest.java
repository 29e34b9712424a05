package cn.studyledger.session.domain;

import cn.studyledger.common.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 学习测试: a theory test the central group held on a day (optionally at a session), with who of the group took part
 * and, optionally, each one's score. Its participants are changed in place, matched by person, so a participant's
 * row keeps its id while they stay in.
 */
@Entity
@Table(name = "session_study_test")
class StudyTest extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "test_year", nullable = false, updatable = false)
    private int year;

    @Column(nullable = false)
    private String title;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Column(name = "session_id")
    private Long sessionId;

    private String note;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "test_id", nullable = false)
    @OrderBy("id")
    private List<StudyTestParticipant> participants = new ArrayList<>();

    protected StudyTest() {}

    StudyTest(long orgId, int year) {
        this.orgId = orgId;
        this.year = year;
    }

    void describe(String title, LocalDate heldOn, Long sessionId, String note) {
        this.title = title.strip();
        this.heldOn = heldOn;
        this.sessionId = sessionId;
        this.note = note == null || note.isBlank() ? null : note.strip();
    }

    /**
     * The participants from now on, by person, each with their score and note: those who stay keep their row (its
     * score and note updated), those left out are removed, the others added.
     */
    void takenBy(Map<Long, Taken> taken) {
        participants.removeIf(p -> !taken.containsKey(p.personId()));
        for (Map.Entry<Long, Taken> e : taken.entrySet()) {
            StudyTestParticipant existing = participants.stream()
                    .filter(p -> p.personId() == e.getKey())
                    .findFirst()
                    .orElse(null);
            if (existing == null) {
                participants.add(new StudyTestParticipant(
                        e.getKey(), e.getValue().score(), e.getValue().note()));
            } else {
                existing.record(e.getValue().score(), e.getValue().note());
            }
        }
    }

    /** One participant's part: an optional score (0–100) and note. */
    record Taken(BigDecimal score, String note) {

        Taken {
            note = note == null || note.isBlank() ? null : note.strip();
        }
    }

    long orgId() {
        return orgId;
    }

    int year() {
        return year;
    }

    String title() {
        return title;
    }

    LocalDate heldOn() {
        return heldOn;
    }

    Long sessionId() {
        return sessionId;
    }

    String note() {
        return note;
    }

    List<StudyTestParticipant> participants() {
        return participants;
    }

    boolean takenBy(long personId) {
        return participants.stream().anyMatch(p -> Objects.equals(p.personId(), personId));
    }
}
