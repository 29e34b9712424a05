package cn.studyledger.firsttopic.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.firsttopic.InspectionRating;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** An inspection (督查问效) of a follow-up task: when, what was found, and how it was rated. */
@Entity
@Table(name = "firsttopic_inspection")
class Inspection extends BaseEntity {

    @Column(name = "task_id", nullable = false, updatable = false)
    private long taskId;

    @Column(name = "inspected_on", nullable = false)
    private LocalDate inspectedOn;

    @Column(nullable = false)
    private String finding;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InspectionRating rating;

    protected Inspection() {}

    Inspection(long taskId, LocalDate inspectedOn, String finding, InspectionRating rating) {
        this.taskId = taskId;
        this.inspectedOn = inspectedOn;
        this.finding = finding;
        this.rating = rating;
    }

    long taskId() {
        return taskId;
    }

    LocalDate inspectedOn() {
        return inspectedOn;
    }

    String finding() {
        return finding;
    }

    InspectionRating rating() {
        return rating;
    }
}
