package cn.studyledger.session.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A collective study session (集中学习) with its agenda and the attendance of its expected participants. */
@Entity
@Table(name = "session_study_session")
class StudySession extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "session_date", nullable = false)
    private LocalDate date;

    @Column(name = "start_time")
    private LocalTime startTime;

    @Column(name = "duration_hours", nullable = false)
    private BigDecimal durationHours;

    private String place;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionFormat format;

    @Column(nullable = false)
    private String title;

    @Column(name = "presider_person_id")
    private Long presiderPersonId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionStatus status = SessionStatus.PLANNED;

    @Column(name = "held_at")
    private LocalDateTime heldAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "session_id", nullable = false)
    @OrderBy("position")
    private List<AgendaItem> agenda = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "session_id", nullable = false)
    @OrderBy("id")
    private List<Attendance> attendance = new ArrayList<>();

    protected StudySession() {}

    StudySession(long orgId) {
        this.orgId = orgId;
    }

    void describe(
            LocalDate date,
            LocalTime startTime,
            BigDecimal durationHours,
            String place,
            SessionFormat format,
            String title,
            Long presiderPersonId) {
        if (status == SessionStatus.HELD && date.getYear() != this.date.getYear()) {
            throw new BusinessRuleException("已举行的学习不能改到其他年度");
        }
        this.date = date;
        this.startTime = startTime;
        this.durationHours = durationHours;
        this.place = place;
        this.format = format;
        this.title = title;
        this.presiderPersonId = presiderPersonId;
    }

    void replaceAgenda(List<AgendaLine> lines) {
        agenda.clear();
        int position = 1;
        for (AgendaLine line : lines) {
            agenda.add(new AgendaItem(position++, line.kind(), line.title()));
        }
    }

    /**
     * Brings the expected participants in line with the group's members: adds members missing a row and drops
     * rows of people no longer members whose attendance was never recorded.
     */
    void expectMembers(Collection<Long> memberIds) {
        Set<Long> members = Set.copyOf(memberIds);
        attendance.removeIf(a -> a.status() == null && !members.contains(a.personId()));
        Set<Long> present = attendance.stream().map(Attendance::personId).collect(java.util.stream.Collectors.toSet());
        for (Long id : memberIds) {
            if (!present.contains(id)) {
                attendance.add(new Attendance(id));
            }
        }
    }

    /** Records the attendance of several participants at once; every person must be expected. */
    void recordAttendance(Map<Long, AttendanceStatus> statuses, LocalDateTime now) {
        for (var entry : statuses.entrySet()) {
            Attendance row = attendance.stream()
                    .filter(a -> a.personId() == entry.getKey())
                    .findFirst()
                    .orElseThrow(() -> new BusinessRuleException("该人员不在本次学习的应到名单中"));
            row.record(entry.getValue(), date, startTime, now);
        }
        touch();
    }

    /** PLANNED → HELD, only once every expected participant's attendance is recorded. */
    void markHeld(LocalDateTime now, Map<Long, String> names) {
        if (status == SessionStatus.HELD) {
            throw new BusinessRuleException("该学习已标记为已举行");
        }
        if (attendance.isEmpty()) {
            throw new BusinessRuleException("本次学习没有应到人员，请先确认中心组成员名单");
        }
        List<String> missing = attendance.stream()
                .filter(a -> a.status() == null)
                .map(a -> names.getOrDefault(a.personId(), "#" + a.personId()))
                .toList();
        if (!missing.isEmpty()) {
            throw new BusinessRuleException("尚有人员未登记考勤：" + String.join("、", missing));
        }
        if (date.isAfter(now.toLocalDate())) {
            throw new BusinessRuleException("学习日期尚未到，不能标记为已举行");
        }
        status = SessionStatus.HELD;
        heldAt = now;
    }

    void recordMakeUp(long personId, LocalDate doneOn, String note) {
        Attendance row = attendance.stream()
                .filter(a -> a.personId() == personId)
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("该人员不在本次学习的应到名单中"));
        row.makeUp(doneOn, note, date);
        touch();
    }

    boolean hasAgendaOf(AgendaKind kind) {
        return agenda.stream().anyMatch(a -> a.kind() == kind);
    }

    long orgId() {
        return orgId;
    }

    LocalDate date() {
        return date;
    }

    LocalTime startTime() {
        return startTime;
    }

    BigDecimal durationHours() {
        return durationHours;
    }

    String place() {
        return place;
    }

    SessionFormat format() {
        return format;
    }

    String title() {
        return title;
    }

    Long presiderPersonId() {
        return presiderPersonId;
    }

    SessionStatus status() {
        return status;
    }

    LocalDateTime heldAt() {
        return heldAt;
    }

    List<AgendaItem> agenda() {
        return agenda;
    }

    List<Attendance> attendance() {
        return attendance;
    }

    /** One agenda line as entered. */
    record AgendaLine(AgendaKind kind, String title) {}
}
