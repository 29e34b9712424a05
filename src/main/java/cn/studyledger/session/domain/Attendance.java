package cn.studyledger.session.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.session.AttendanceStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** 考勤 of one expected participant of a session, and the make-up study (补学) after a leave. */
@Entity
@Table(name = "session_attendance")
class Attendance {

    /** Members of the group; 列席 attendees come with the next issue. */
    static final String MEMBER = "MEMBER";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "attendee_role", nullable = false)
    private String attendeeRole = MEMBER;

    @Enumerated(EnumType.STRING)
    private AttendanceStatus status;

    @Column(name = "check_in_at")
    private LocalDateTime checkInAt;

    @Column(name = "check_in_method")
    private String checkInMethod;

    @Column(name = "make_up_done_on")
    private LocalDate makeUpDoneOn;

    @Column(name = "make_up_note")
    private String makeUpNote;

    protected Attendance() {}

    Attendance(long personId) {
        this.personId = personId;
    }

    /** Records the status; a clerk's manual entry of PRESENT counts as checked in at the session's start. */
    void record(AttendanceStatus status, LocalDate sessionDate, LocalTime startTime, LocalDateTime now) {
        this.status = status;
        if (status == AttendanceStatus.PRESENT) {
            if (checkInAt == null) {
                checkInAt = startTime == null ? sessionDate.atStartOfDay() : sessionDate.atTime(startTime);
                checkInMethod = "MANUAL";
            }
        } else {
            checkInAt = null;
            checkInMethod = null;
        }
        if (status != AttendanceStatus.LEAVE) {
            makeUpDoneOn = null;
            makeUpNote = null;
        }
    }

    void makeUp(LocalDate doneOn, String note, LocalDate sessionDate) {
        if (status != AttendanceStatus.LEAVE) {
            throw new BusinessRuleException("只有请假的人员需要补学");
        }
        if (doneOn.isBefore(sessionDate)) {
            throw new BusinessRuleException("补学日期不能早于学习日期");
        }
        this.makeUpDoneOn = doneOn;
        this.makeUpNote = note;
    }

    /** Counted by the participation rate: present, or on leave with the make-up done. */
    boolean participated() {
        return status == AttendanceStatus.PRESENT || (status == AttendanceStatus.LEAVE && makeUpDoneOn != null);
    }

    boolean isMember() {
        return MEMBER.equals(attendeeRole);
    }

    Long id() {
        return id;
    }

    long personId() {
        return personId;
    }

    AttendanceStatus status() {
        return status;
    }

    LocalDateTime checkInAt() {
        return checkInAt;
    }

    LocalDate makeUpDoneOn() {
        return makeUpDoneOn;
    }

    String makeUpNote() {
        return makeUpNote;
    }
}
