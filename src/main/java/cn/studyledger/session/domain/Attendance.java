package cn.studyledger.session.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.AttendeeRole;
import cn.studyledger.session.CheckInMethod;
import cn.studyledger.session.Participation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** 考勤 of one expected participant of a session, and the make-up study (补学) after a leave. */
@Entity
@Table(name = "session_attendance")
class Attendance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "attendee_role", nullable = false)
    private AttendeeRole attendeeRole = AttendeeRole.MEMBER;

    @Enumerated(EnumType.STRING)
    private AttendanceStatus status;

    @Column(name = "check_in_at")
    private LocalDateTime checkInAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "check_in_method")
    private CheckInMethod checkInMethod;

    @Column(name = "make_up_done_on")
    private LocalDate makeUpDoneOn;

    @Column(name = "make_up_note")
    private String makeUpNote;

    @Column(name = "make_up_due_on")
    private LocalDate makeUpDueOn;

    /** The row's own optimistic lock: it changes without the session (check-in, leave, make-up). */
    @Version
    private long version;

    protected Attendance() {}

    Attendance(long personId) {
        this(personId, AttendeeRole.MEMBER);
    }

    Attendance(long personId, AttendeeRole role) {
        this.personId = personId;
        this.attendeeRole = role;
    }

    /**
     * Records the status; a clerk's manual entry of PRESENT counts as checked in at the session's start, and a
     * leave opens a make-up study due {@code makeUpDays} days after the session ({@code MakeUpPeriod}).
     */
    void record(
            AttendanceStatus status, LocalDate sessionDate, LocalTime startTime, LocalDateTime now, int makeUpDays) {
        this.status = status;
        if (status == AttendanceStatus.PRESENT) {
            if (checkInAt == null) {
                checkInAt = startTime == null ? sessionDate.atStartOfDay() : sessionDate.atTime(startTime);
                checkInMethod = CheckInMethod.MANUAL;
            }
        } else {
            checkInAt = null;
            checkInMethod = null;
        }
        if (status == AttendanceStatus.LEAVE) {
            if (makeUpDueOn == null) {
                makeUpDueOn = sessionDate.plusDays(makeUpDays);
            }
        } else {
            makeUpDueOn = null;
            makeUpDoneOn = null;
            makeUpNote = null;
        }
    }

    /** Checked in by scanning the session's code: present from that moment. */
    void checkIn(LocalDateTime at) {
        if (status == AttendanceStatus.PRESENT && checkInAt != null) {
            throw new BusinessRuleException(
                    "您已签到，签到时间 " + checkInAt.toLocalTime().withNano(0));
        }
        status = AttendanceStatus.PRESENT;
        checkInAt = at;
        checkInMethod = CheckInMethod.QR;
        makeUpDueOn = null;
        makeUpDoneOn = null;
        makeUpNote = null;
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

    Participation participation() {
        return Participation.of(status, makeUpDueOn, makeUpDoneOn);
    }

    boolean isMember() {
        return attendeeRole == AttendeeRole.MEMBER;
    }

    AttendeeRole attendeeRole() {
        return attendeeRole;
    }

    CheckInMethod checkInMethod() {
        return checkInMethod;
    }

    LocalDate makeUpDueOn() {
        return makeUpDueOn;
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
