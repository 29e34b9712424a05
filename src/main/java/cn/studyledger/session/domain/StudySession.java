package cn.studyledger.session.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Decisions;
import cn.studyledger.session.AgendaChanged;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AgendaSummary;
import cn.studyledger.session.AttendanceRecorded;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.AttendeeRole;
import cn.studyledger.session.LearningMode;
import cn.studyledger.session.LeaveDecided;
import cn.studyledger.session.MakeUpDone;
import cn.studyledger.session.SessionCancelled;
import cn.studyledger.session.SessionCorrected;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionHeld;
import cn.studyledger.session.SessionOrdinal;
import cn.studyledger.session.SessionPlanned;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SpeechKind;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.OptimisticLock;

/**
 * A collective study session (集中学习) with its agenda and the attendance of its expected participants.
 *
 * <p>Attendance rows and speeches are independent rows: adding, removing or changing them (a member's check-in, a
 * 列席 attendee, a speech) does not bump the session's version, so a crowd checking in at once and the clerk editing
 * the session never conflict. Each attendance row has its own version instead.
 */
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

    /**
     * The session's number in its organisation's year (第N次), given when it is marked held and never renumbered: a later
     * correction or another session's cancellation leaves it as it is (only the number within its format follows a
     * corrected format, see {@link #describe}). Null while not held.
     */
    @Embedded
    private SessionNumber number;

    /** 扩大学习: people other than the group's members (e.g. 中层干部) take part. */
    @Column(nullable = false)
    private boolean enlarged;

    @Column(name = "recorder_person_id")
    private Long recorderPersonId;

    @Column(name = "lecturer_person_id")
    private Long lecturerPersonId;

    @Column(name = "lecture_title")
    private String lectureTitle;

    @Embedded
    private StudyPlan studyPlan = new StudyPlan();

    private String minutes;

    private String evaluation;

    @Column(name = "evaluated_by")
    private String evaluatedBy;

    /** The person who gave the 讲评, null when the account has no person or for a 讲评 older than the column. */
    @Column(name = "evaluated_by_person_id")
    private Long evaluatedByPersonId;

    @Column(name = "evaluated_at")
    private LocalDateTime evaluatedAt;

    @Column(name = "checkin_secret")
    private String checkinSecret;

    /** Why, by whom and when the session was cancelled; null unless it was. */
    @Embedded
    private Cancellation cancellation;

    @ElementCollection
    @CollectionTable(name = "session_correction", joinColumns = @JoinColumn(name = "session_id"))
    @OrderBy("at")
    private List<SessionCorrection> corrections = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "session_learning_mode", joinColumns = @JoinColumn(name = "session_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "mode")
    private Set<LearningMode> learningModes = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "session_attachment", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "file_id")
    private Set<Long> attachments = new HashSet<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "session_id", nullable = false)
    @OrderBy("id")
    @OptimisticLock(excluded = true)
    private List<Speech> speeches = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "session_id", nullable = false)
    @OrderBy("position")
    private List<AgendaItem> agenda = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "session_id", nullable = false)
    @OrderBy("id")
    @OptimisticLock(excluded = true)
    private List<Attendance> attendance = new ArrayList<>();

    protected StudySession() {}

    StudySession(long orgId) {
        this.orgId = orgId;
        this.checkinSecret = CheckInCodes.newSecret();
        registerEvent(() -> new SessionPlanned(getId(), orgId, date));
    }

    /**
     * The session's particulars. A held session whose format is corrected is numbered again within its new format
     * (the next number there), as a 集体学习 is not "第3次专题研讨"; its overall number stays, and so do the other
     * sessions' numbers (the old format's sequence keeps a gap).
     */
    void describe(
            LocalDate date,
            LocalTime startTime,
            BigDecimal durationHours,
            String place,
            SessionFormat format,
            String title,
            Long presiderPersonId,
            SessionNumbering numbering) {
        requireNotCancelled();
        // A held session keeps its year, and so the number it was given in that year.
        if (status == SessionStatus.HELD && date.getYear() != this.date.getYear()) {
            throw new BusinessRuleException("已举行的学习不能改到其他年度");
        }
        if (number != null && format != this.format) {
            number = number.withFormatOrdinal(numbering.nextOfFormat(orgId, number.year(), format));
        }
        this.date = date;
        this.startTime = startTime;
        this.durationHours = durationHours;
        this.place = place;
        this.format = format;
        this.title = title;
        this.presiderPersonId = presiderPersonId;
    }

    void markEnlarged(boolean enlarged) {
        this.enlarged = enlarged;
    }

    /** Roles, the six learning modes, and the lecture of a 专题辅导报告. */
    void staff(Long recorderPersonId, Set<LearningMode> modes, Long lecturerPersonId, String lectureTitle) {
        this.recorderPersonId = recorderPersonId;
        this.learningModes.clear();
        this.learningModes.addAll(modes);
        if (format == SessionFormat.LECTURE) {
            this.lecturerPersonId = lecturerPersonId;
            this.lectureTitle = lectureTitle;
        } else {
            this.lecturerPersonId = null;
            this.lectureTitle = null;
        }
    }

    /** The clerk submits the session's 学习方案 to the 组长: allowed before the session is held, not twice. */
    void submitStudyPlan(String plan, Decisions.Party submitter) {
        requireNotCancelled();
        if (status == SessionStatus.HELD) {
            throw new BusinessRuleException("学习已举行，不能再提交学习方案");
        }
        studyPlan.submit(plan, submitter);
    }

    /** The 组长 (not whoever submitted it) approves or returns a submitted 学习方案; a return needs a comment. */
    void decideStudyPlan(boolean approve, String comment, Decisions.Party decider, String by, LocalDateTime at) {
        studyPlan.decide(approve, comment, decider, by, at);
    }

    /** Adds a 列席 attendee (youth cadre, middle manager) to the expected participants. */
    void addAttendee(long personId) {
        requireNotCancelled();
        if (attendance.stream().anyMatch(a -> a.personId() == personId)) {
            throw new BusinessRuleException("该人员已在本次学习的名单中");
        }
        attendance.add(new Attendance(personId, AttendeeRole.ATTENDEE));
    }

    void removeAttendee(long personId) {
        Attendance row = expected(personId);
        if (row.isMember()) {
            throw new BusinessRuleException("中心组成员不能移出名单，请登记请假或缺席");
        }
        if (row.status() != null) {
            throw new BusinessRuleException("已登记考勤的列席人员不能移出");
        }
        attendance.remove(row);
    }

    /** Check-in by the participant's own phone (QR code or 6-character code) during the session's window. */
    void checkIn(long personId, LocalDateTime at) {
        requireNotCancelled();
        if (status == SessionStatus.HELD) {
            throw new BusinessRuleException("本次学习已结束签到");
        }
        expected(personId).checkIn(at);
    }

    /** An approved leave: the member is on leave and owes a make-up study, due {@code makeUpDays} after the session. */
    void grantLeave(long personId, LocalDateTime now, int makeUpDays) {
        requireNotCancelled();
        expected(personId).record(AttendanceStatus.LEAVE, date, startTime, now, makeUpDays);
    }

    /** A leave request for this session was decided (or noted); one in effect marks the member on leave. */
    void leaveDecided(LeaveRequest request, LocalDateTime now, int makeUpDays) {
        if (request.status().inEffect()) {
            grantLeave(request.personId(), now, makeUpDays);
        }
        registerEvent(
                () -> new LeaveDecided(request.getId(), getId(), orgId, date, request.personId(), request.status()));
    }

    /** A speech; {@code outlineRequired} is the year's 发言提纲 setting for its kind ({@code SpeechOutlines}). */
    void addSpeech(long personId, SpeechKind kind, String title, Long outlineFileId, boolean outlineRequired) {
        requireNotCancelled();
        expected(personId);
        if (outlineRequired && outlineFileId == null) {
            throw new BusinessRuleException(kind.label() + "须上传发言提纲");
        }
        speeches.add(new Speech(personId, kind, title, outlineFileId));
    }

    void removeSpeech(long speechId) {
        if (!speeches.removeIf(s -> s.id() != null && s.id() == speechId)) {
            throw new BusinessRuleException("发言记录不存在");
        }
    }

    void recordMinutes(String text) {
        this.minutes = text == null || text.isBlank() ? null : text.trim();
    }

    void attach(long fileId) {
        attachments.add(fileId);
        touch();
    }

    void detach(long fileId) {
        if (!attachments.remove(fileId)) {
            throw new BusinessRuleException("附件不存在");
        }
        touch();
    }

    /** The presider's 学习讲评, once the session is held. */
    void evaluate(String text, String by, Long byPersonId, LocalDateTime at) {
        if (status != SessionStatus.HELD) {
            throw new BusinessRuleException("学习举行后才能进行讲评");
        }
        if (text == null || text.isBlank()) {
            throw new BusinessRuleException("请填写讲评内容");
        }
        this.evaluation = text.trim();
        this.evaluatedBy = by;
        this.evaluatedByPersonId = byPersonId;
        this.evaluatedAt = at;
    }

    /**
     * The secret behind the rotating check-in codes; null for a session that predates it or was restored from an
     * archive (which carries no secrets): {@link ParticipationService} then creates one once, with an idempotent
     * update.
     */
    String checkinSecret() {
        return checkinSecret;
    }

    /** The expected participant's attendance row. */
    Attendance attendanceOf(long personId) {
        return expected(personId);
    }

    private Attendance expected(long personId) {
        return attendance.stream()
                .filter(a -> a.personId() == personId)
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("该人员不在本次学习的应到名单中"));
    }

    /**
     * Sets the agenda, keeping the identity of its items, whose ids other modules' links name
     * ({@link AgendaItem#merge}). A changed agenda is announced with its items, so the records its rows chose are
     * linked to the session.
     */
    void replaceAgenda(List<AgendaLine> lines) {
        if (!AgendaItem.merge(agenda, lines)) {
            return;
        }
        registerEvent(() -> new AgendaChanged(
                getId(),
                orgId,
                date,
                agenda().stream()
                        .map(a -> new AgendaSummary(a.id(), getId(), a.kind(), a.title(), a.sourceId()))
                        .toList()));
    }

    /**
     * Brings the expected participants in line with the group's members: adds members missing a row and drops
     * member rows of people no longer members whose attendance was never recorded. 列席 attendees are not members
     * and stay (an edit of the session once dropped those added since the last attendance entry).
     */
    void expectMembers(Collection<Long> memberIds) {
        Set<Long> members = Set.copyOf(memberIds);
        attendance.removeIf(a -> a.isMember() && a.status() == null && !members.contains(a.personId()));
        Set<Long> present = attendance.stream().map(Attendance::personId).collect(java.util.stream.Collectors.toSet());
        for (Long id : memberIds) {
            if (!present.contains(id)) {
                attendance.add(new Attendance(id));
            }
        }
    }

    /**
     * Records the attendance of several participants at once; every person must be expected. A leave's make-up is due
     * {@code makeUpDays} after the session ({@code MakeUpPeriod}).
     */
    void recordAttendance(Map<Long, AttendanceStatus> statuses, LocalDateTime now, int makeUpDays) {
        requireNotCancelled();
        for (var entry : statuses.entrySet()) {
            expected(entry.getKey()).record(entry.getValue(), date, startTime, now, makeUpDays);
        }
        touch();
        registerEvent(() -> new AttendanceRecorded(getId(), orgId, date));
    }

    /**
     * PLANNED → HELD, only once every expected participant's attendance is recorded; the session gets the next number
     * of its organisation's year, overall and within its format. Two sessions held at the same moment may be given
     * the same number: the unique key refuses the second, which is a lost race (409), to be repeated.
     */
    void markHeld(LocalDateTime now, Map<Long, String> names, SessionNumbering numbering) {
        requireNotCancelled();
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
        int year = date.getYear();
        number = new SessionNumber(year, numbering.next(orgId, year), numbering.nextOfFormat(orgId, year, format));
        status = SessionStatus.HELD;
        heldAt = now;
        registerEvent(() -> new SessionHeld(getId(), orgId, date));
    }

    /**
     * PLANNED → CANCELLED with its reason: the session stays on record (list, audit) but never counts, and nothing is
     * due for it any more. A held session is not cancelled but corrected.
     */
    void cancel(String reason, String by, LocalDateTime at) {
        if (status != SessionStatus.PLANNED) {
            throw new BusinessRuleException(status == SessionStatus.HELD ? "已举行的学习不能取消，如有错误请编辑更正并说明原因" : "该学习已取消");
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("请填写取消原因");
        }
        status = SessionStatus.CANCELLED;
        cancellation = new Cancellation(reason.trim(), by, at);
        registerEvent(() -> new SessionCancelled(getId(), orgId, date, cancellation.reason()));
    }

    /**
     * A change to a held session is a correction: allowed with its reason, which the session keeps (never silently);
     * a planned session changes freely.
     */
    void correcting(String reason, String by, LocalDateTime at) {
        if (status != SessionStatus.HELD) {
            return;
        }
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("本次学习已举行，修改须填写更正原因");
        }
        SessionCorrection correction = new SessionCorrection(at, by, reason.trim());
        corrections.add(correction);
        touch();
        registerEvent(() -> new SessionCorrected(getId(), orgId, date, correction.reason()));
    }

    private void requireNotCancelled() {
        if (status == SessionStatus.CANCELLED) {
            throw new BusinessRuleException("本次学习已取消，不能再登记");
        }
    }

    void recordMakeUp(long personId, LocalDate doneOn, String note) {
        requireNotCancelled();
        expected(personId).makeUp(doneOn, note, date);
        registerEvent(() -> new MakeUpDone(getId(), orgId, date, personId, doneOn));
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

    /** The numbers given when the session was held; null before. */
    SessionOrdinal ordinal() {
        return number == null
                ? null
                : new SessionOrdinal(number.year(), number.ordinal(), format, number.formatOrdinal());
    }

    boolean enlarged() {
        return enlarged;
    }

    Long recorderPersonId() {
        return recorderPersonId;
    }

    Long lecturerPersonId() {
        return lecturerPersonId;
    }

    String lectureTitle() {
        return lectureTitle;
    }

    /** The 学习方案 and its approval. */
    StudyPlan studyPlan() {
        return studyPlan;
    }

    String minutes() {
        return minutes;
    }

    String evaluation() {
        return evaluation;
    }

    String evaluatedBy() {
        return evaluatedBy;
    }

    Long evaluatedByPersonId() {
        return evaluatedByPersonId;
    }

    LocalDateTime evaluatedAt() {
        return evaluatedAt;
    }

    Set<LearningMode> learningModes() {
        return learningModes;
    }

    Set<Long> attachments() {
        return attachments;
    }

    List<Speech> speeches() {
        return speeches;
    }

    /** The session's time window for check-in: from 30 minutes before the start to 30 minutes after the end. */
    LocalDateTime checkInOpens() {
        return startTime == null ? date.atStartOfDay() : date.atTime(startTime).minusMinutes(30);
    }

    LocalDateTime checkInCloses() {
        if (startTime == null) {
            return date.plusDays(1).atStartOfDay();
        }
        long minutes = durationHours.multiply(java.math.BigDecimal.valueOf(60)).longValue();
        return date.atTime(startTime).plusMinutes(minutes + 30);
    }

    /** The agenda items in their order (the collection itself is changed in place, so it may not be in order). */
    List<AgendaItem> agenda() {
        return agenda.stream()
                .sorted(java.util.Comparator.comparingInt(AgendaItem::position))
                .toList();
    }

    Cancellation cancellation() {
        return cancellation;
    }

    List<SessionCorrection> corrections() {
        return corrections;
    }

    List<Attendance> attendance() {
        return attendance;
    }

    /**
     * One agenda line as entered.
     *
     * @param sourceId the record of the line's kind it studies ({@code AgendaSource}); null for text only
     * @param id the session's agenda item the line is, as the form carries it; null for a new line
     */
    record AgendaLine(AgendaKind kind, String title, Long sourceId, Long id) {

        AgendaLine(AgendaKind kind, String title) {
            this(kind, title, null, null);
        }

        AgendaLine titled(String title) {
            return new AgendaLine(kind, title, sourceId, id);
        }
    }
}
