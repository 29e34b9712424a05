package cn.studyledger.session.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.PersonFigureProvider;
import cn.studyledger.figure.Tallies;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.AttendeeRole;
import cn.studyledger.session.Participation;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SpeechKind;
import cn.studyledger.session.StudyDayHours;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of DESIGN.md §3 that held sessions and their attendance feed, and the per-person figures of the held
 * sessions: what each member presided, evaluated (学习讲评), attended, asked leave for and made up, and said (one
 * figure a speech kind).
 */
@Component
@Transactional(readOnly = true)
class SessionFigures implements FigureProvider, PersonFigureProvider {

    static final String COLLECTIVE = "sessions.collective";
    static final String DISCUSSION = "sessions.discussion";
    static final String HOURS = "sessions.hours";
    static final String DAYS = "sessions.days";
    static final String ENLARGED = "sessions.enlarged";
    static final String FIRST_TOPIC = "firsttopic.sessions";
    static final String ATTENDANCE = "attendance.rate";
    static final String PRESENT = "attendance.presentRate";
    static final String LECTURES = "lectures.count";
    static final String KEY_RATE = "speech.keyRate";
    static final String YOUTH_ATTENDEES = "youth.attendees";
    static final String YOUTH_SPEAKERS = "youth.speakers";
    static final String BRIEFS = "briefs.issued";

    static final String PRESIDED = "presided";
    static final String EVALUATED = "evaluated";
    static final String EXPECTED = "expected";
    static final String ATTENDED = "attended";
    static final String LEAVES = "leaves";
    static final String MADE_UP = "makeUps";
    static final String MADE_UP_LATE = "lateMakeUps";

    private final SessionRepository sessions;
    private final OrgApi orgs;
    private final JdbcClient jdbc;
    private final StudyDayHours dayHours;
    private final SessionBriefRepository briefs;

    SessionFigures(
            SessionRepository sessions,
            OrgApi orgs,
            JdbcClient jdbc,
            StudyDayHours dayHours,
            SessionBriefRepository briefs) {
        this.briefs = briefs;
        this.sessions = sessions;
        this.orgs = orgs;
        this.jdbc = jdbc;
        this.dayHours = dayHours;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                new FigureDefinition(COLLECTIVE, "集体学习次数", "次", Kind.COUNT),
                new FigureDefinition(DISCUSSION, "专题研讨次数", "次", Kind.COUNT),
                new FigureDefinition(HOURS, "集中学习时长", "小时", Kind.SUM),
                new FigureDefinition(DAYS, "集中学习天数", "天", Kind.SUM),
                new FigureDefinition(ENLARGED, "扩大学习次数", "次", Kind.COUNT),
                new FigureDefinition(ATTENDANCE, "中心组成员参学率", "%", Kind.RATE),
                new FigureDefinition(PRESENT, "中心组成员出勤率", "%", Kind.RATE),
                new FigureDefinition(FIRST_TOPIC, "“第一议题”学习次数", "次", Kind.COUNT),
                new FigureDefinition(LECTURES, "专题辅导报告场次", "场", Kind.COUNT),
                new FigureDefinition(KEY_RATE, "中心组成员重点发言率", "%", Kind.RATE),
                new FigureDefinition(YOUTH_ATTENDEES, "列席学习的青年干部", "名", Kind.COUNT),
                new FigureDefinition(YOUTH_SPEAKERS, "交流发言的青年干部", "名", Kind.COUNT),
                new FigureDefinition(BRIEFS, "学习简报期数", "期", Kind.COUNT));
    }

    /** The roll-up's session figures as grouped SQL; the same numbers as {@link #compute}. */
    @Override
    public Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, Period period) {
        Map<String, Object> params = Map.of(
                "held", SessionStatus.HELD.name(),
                "from", period.from(),
                "to", period.to(),
                "firstTopic", AgendaKind.FIRST_TOPIC.name(),
                "member", AttendeeRole.MEMBER.name(),
                "present", AttendanceStatus.PRESENT.name(),
                "leave", AttendanceStatus.LEAVE.name());
        String held = " from session_study_session s where s.org_id in (:orgIds) and s.status = :held"
                + " and s.session_date between :from and :to";
        return switch (key) {
            case COLLECTIVE ->
                Tallies.counts(jdbc, "select s.org_id, count(*)" + held + " group by s.org_id", params, orgs);
            case HOURS -> Tallies.sums(jdbc, byLength(held), params, orgs, (orgId, hours) -> hours);
            case DAYS -> {
                Map<Long, StudyDayHours.Thresholds> thresholds =
                        dayHours.thresholds(orgs.stream().map(OrgRef::id).toList(), period.year());
                yield Tallies.sums(
                        jdbc,
                        byLength(held),
                        params,
                        orgs,
                        (orgId, hours) -> thresholds.get(orgId).days(hours));
            }
            case BRIEFS ->
                Tallies.counts(
                        jdbc,
                        "select b.org_id, count(*) from session_brief b where b.org_id in (:orgIds)"
                                + " and b.brief_year = :year and b.status = :issued"
                                + (period.wholeYear() ? "" : " and b.issued_on between :from and :to")
                                + " group by b.org_id",
                        Map.of(
                                "year",
                                period.year(),
                                "issued",
                                SessionBrief.Status.ISSUED.name(),
                                "from",
                                period.from(),
                                "to",
                                period.to()),
                        orgs);
            case ENLARGED ->
                Tallies.counts(
                        jdbc,
                        "select s.org_id, count(*)" + held + " and s.enlarged = true group by s.org_id",
                        params,
                        orgs);
            case FIRST_TOPIC ->
                Tallies.counts(
                        jdbc,
                        "select s.org_id, count(*)" + held + " and exists (select 1 from session_agenda_item a"
                                + " where a.session_id = s.id and a.kind = :firstTopic) group by s.org_id",
                        params,
                        orgs);
            case ATTENDANCE -> Tallies.rates(jdbc, """
                        select s.org_id,
                               sum(case when a.status = :present
                                          or (a.status = :leave and a.make_up_done_on is not null
                                              and (a.make_up_due_on is null or a.make_up_done_on <= a.make_up_due_on))
                                        then 1 else 0 end),
                               count(*)
                          from session_attendance a join session_study_session s on s.id = a.session_id
                         where s.org_id in (:orgIds) and s.status = :held and s.session_date between :from and :to
                           and a.attendee_role = :member
                         group by s.org_id""", params, orgs);
            default -> FigureProvider.super.tally(key, orgs, period);
        };
    }

    /** (organisation, session length, sessions of that length) of the held sessions. */
    private static String byLength(String held) {
        return "select s.org_id, s.duration_hours, count(*)" + held + " group by s.org_id, s.duration_hours";
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        return compute(key, org, Period.of(year));
    }

    @Override
    public FigureResult compute(String key, OrgRef org, Period period) {
        return computeAll(List.of(key), org, period).get(key);
    }

    @Override
    public Map<String, FigureResult> computeAll(List<String> keys, OrgRef org, int year) {
        return computeAll(keys, org, Period.of(year));
    }

    /** The period's held sessions are loaded once for all the figures asked for (agenda and speeches in batches). */
    @Override
    public Map<String, FigureResult> computeAll(List<String> keys, OrgRef org, Period period) {
        List<StudySession> held = held(org, period);
        Map<String, FigureResult> results = new LinkedHashMap<>();
        for (String key : keys) {
            results.put(key, compute(key, org, period, held));
        }
        return results;
    }

    private FigureResult compute(String key, OrgRef org, Period period, List<StudySession> held) {
        return switch (key) {
            case COLLECTIVE -> FigureResult.count(heldSessions(held, s -> true));
            case HOURS ->
                FigureResult.sum(held.stream().map(SessionFigures::hours).toList());
            case DAYS -> days(held, dayHours.thresholds(org.id(), period.year()));
            case DISCUSSION ->
                FigureResult.count(heldSessions(
                        held, s -> s.format() == SessionFormat.DISCUSSION || s.hasAgendaOf(AgendaKind.DISCUSSION)));
            case ENLARGED -> FigureResult.count(heldSessions(held, StudySession::enlarged));
            case FIRST_TOPIC -> FigureResult.count(heldSessions(held, s -> s.hasAgendaOf(AgendaKind.FIRST_TOPIC)));
            case LECTURES -> FigureResult.count(heldSessions(held, s -> s.format() == SessionFormat.LECTURE));
            case ATTENDANCE -> attendanceRate(held, Participation::counts);
            case PRESENT -> attendanceRate(held, p -> p == Participation.PRESENT);
            case KEY_RATE -> keySpeechRate(org, period, held);
            case YOUTH_ATTENDEES ->
                youth(
                        held,
                        (s, personId) -> s.attendance().stream()
                                .anyMatch(a -> a.personId() == personId
                                        && a.attendeeRole() == AttendeeRole.ATTENDEE
                                        && a.status() == AttendanceStatus.PRESENT));
            case YOUTH_SPEAKERS ->
                youth(held, (s, personId) -> s.speeches().stream().anyMatch(sp -> sp.personId() == personId));
            case BRIEFS -> issuedBriefs(org, period);
            default -> throw new IllegalArgumentException(key);
        };
    }

    /**
     * The year's issued briefs by number, each with the session it reports; for part of the year, those issued within
     * it (the year's last brief may be issued in the next January).
     */
    private FigureResult issuedBriefs(OrgRef org, Period period) {
        List<SessionBrief> issued = briefs.findByOrgYear(org.id(), period.year(), SessionBrief.Status.ISSUED).stream()
                .filter(b -> period.wholeYear() || period.includes(b.issuedOn()))
                .toList();
        Map<Long, StudySession> of = new LinkedHashMap<>();
        sessions.findAllById(issued.stream().map(SessionBrief::sessionId).toList())
                .forEach(s -> of.put(s.getId(), s));
        return FigureResult.count(issued.stream()
                .map(b -> {
                    StudySession s = of.get(b.sessionId());
                    return new Evidence(
                            "学习简报",
                            b.getId(),
                            b.issuedOn(),
                            "第" + b.issueNo() + "期 " + b.title(),
                            s == null ? null : "集中学习：" + s.date() + " " + s.title(),
                            null,
                            "/sessions/" + b.sessionId());
                })
                .toList());
    }

    private List<StudySession> held(OrgRef org, int year) {
        return held(org, Period.of(year));
    }

    private List<StudySession> held(OrgRef org, Period period) {
        return sessions.findWithAttendance(org.id(), SessionStatus.HELD, period.from(), period.to());
    }

    /** Members of the year's group with at least one KEY speech in a held session of the period, over all members. */
    private FigureResult keySpeechRate(OrgRef org, Period period, List<StudySession> held) {
        List<GroupMember> members = orgs.members(org.id(), period.year());
        List<Evidence> speakers = new ArrayList<>();
        List<Evidence> silent = new ArrayList<>();
        for (GroupMember m : members) {
            List<StudySession> with = held.stream()
                    .filter(s -> s.speeches().stream()
                            .anyMatch(sp -> sp.personId() == m.personId() && sp.kind() == SpeechKind.KEY))
                    .toList();
            if (!with.isEmpty()) {
                StudySession first = with.get(0);
                speakers.add(new Evidence(
                                "重点发言",
                                m.personId(),
                                first.date(),
                                m.name(),
                                "重点发言 " + with.size() + " 次",
                                null,
                                "/sessions/" + first.getId())
                        .about(m.personId()));
            } else {
                silent.add(new Evidence(
                                "中心组成员",
                                m.personId(),
                                null,
                                m.name(),
                                (period.wholeYear() ? "全年" : period.partLabel()) + "未作重点发言",
                                null,
                                "/records/" + m.personId())
                        .about(m.personId()));
            }
        }
        return FigureResult.rate(speakers, silent);
    }

    /** Distinct youth cadres for whom {@code took} holds in some held session of the year. */
    private FigureResult youth(List<StudySession> held, java.util.function.BiPredicate<StudySession, Long> took) {
        Set<Long> ids = new HashSet<>();
        held.forEach(s -> {
            s.attendance().forEach(a -> ids.add(a.personId()));
            s.speeches().forEach(sp -> ids.add(sp.personId()));
        });
        Map<Long, PersonRef> people = orgs.people(ids);
        List<Evidence> evidence = new ArrayList<>();
        for (PersonRef p : people.values().stream()
                .filter(PersonRef::youthCadre)
                .sorted(java.util.Comparator.comparing(PersonRef::name))
                .toList()) {
            held.stream()
                    .filter(s -> took.test(s, p.id()))
                    .findFirst()
                    .ifPresent(s -> evidence.add(new Evidence(
                                    "青年干部",
                                    p.id(),
                                    s.date(),
                                    p.name(),
                                    p.position() + " · " + s.title(),
                                    null,
                                    "/sessions/" + s.getId())
                            .about(p.id())));
        }
        return FigureResult.count(evidence);
    }

    /** A held session with its length as the amount. */
    private static Evidence hours(StudySession s) {
        return new Evidence(
                "集中学习",
                s.getId(),
                s.date(),
                s.title(),
                s.format().label() + " · " + number(s.durationHours()) + "小时",
                s.durationHours(),
                "/sessions/" + s.getId());
    }

    /**
     * Every held session with the days it counts for (集中学习天数折算): a whole day from the whole-day hours, half a
     * day from the half-day hours, none below; a session that counts for none is cited with 0 so the reader sees why.
     */
    private static FigureResult days(List<StudySession> held, StudyDayHours.Thresholds thresholds) {
        List<Evidence> evidence = new ArrayList<>();
        for (StudySession s : held) {
            BigDecimal days = thresholds.days(s.durationHours());
            String length = number(s.durationHours()) + "小时";
            String share = days.compareTo(BigDecimal.ONE) == 0
                    ? "计一天"
                    : days.signum() > 0 ? "计半天" : "不足" + number(thresholds.halfDay()) + "小时，不计天数";
            evidence.add(new Evidence(
                    "集中学习", s.getId(), s.date(), s.title(), length + "，" + share, days, "/sessions/" + s.getId()));
        }
        return FigureResult.sum(evidence);
    }

    /** 3, 2.5: hours without trailing zeros. */
    private static String number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private List<Evidence> heldSessions(List<StudySession> held, Predicate<StudySession> filter) {
        return held.stream()
                .filter(filter)
                .map(s -> new Evidence(
                        "集中学习", s.getId(), s.date(), s.title(), s.format().label(), null, "/sessions/" + s.getId()))
                .toList();
    }

    /**
     * Member-attendances of held sessions whose participation {@code counts}, over all expected member-attendances;
     * the complement holds the others, each with its participation as detail.
     */
    private FigureResult attendanceRate(List<StudySession> held, Predicate<Participation> counts) {
        Set<Long> personIds = new HashSet<>();
        held.forEach(s -> s.attendance().forEach(a -> personIds.add(a.personId())));
        Map<Long, PersonRef> people = orgs.people(personIds);
        List<Evidence> counted = new ArrayList<>();
        List<Evidence> others = new ArrayList<>();
        for (StudySession s : held) {
            for (Attendance a : s.attendance()) {
                if (!a.isMember()) {
                    continue;
                }
                Participation taken = a.participation();
                PersonRef p = people.get(a.personId());
                String detail = switch (taken) {
                    case MADE_UP -> "请假，已于" + a.makeUpDoneOn() + "按期补学";
                    case MADE_UP_LATE -> "请假，" + a.makeUpDoneOn() + "补学，晚于应补学日期" + a.makeUpDueOn();
                    default -> taken.label();
                };
                (counts.test(taken) ? counted : others)
                        .add(new Evidence(
                                        "考勤",
                                        a.id(),
                                        s.date(),
                                        (p == null ? "#" + a.personId() : p.name()) + " · " + s.title(),
                                        detail,
                                        null,
                                        "/sessions/" + s.getId())
                                .about(a.personId()));
            }
        }
        return FigureResult.rate(counted, others);
    }

    @Override
    public List<FigureDefinition> personDefinitions() {
        List<FigureDefinition> d = new ArrayList<>(List.of(
                new FigureDefinition(PRESIDED, "主持集中学习", "次", Kind.COUNT),
                new FigureDefinition(EVALUATED, "学习讲评", "次", Kind.COUNT),
                new FigureDefinition(EXPECTED, "应参加集中学习", "次", Kind.COUNT),
                new FigureDefinition(ATTENDED, "出席", "次", Kind.COUNT),
                new FigureDefinition(LEAVES, "请假", "次", Kind.COUNT),
                new FigureDefinition(MADE_UP, "按期补学", "次", Kind.COUNT),
                new FigureDefinition(MADE_UP_LATE, "逾期补学", "次", Kind.COUNT)));
        for (SpeechKind kind : SpeechKind.values()) {
            d.add(new FigureDefinition(kind.figureKey(), kind.label(), "次", Kind.COUNT));
        }
        return d;
    }

    /**
     * The held sessions of the year as they concern each person: attendances as members by their participation
     * (the one definition of {@link Participation}), sessions presided and evaluated, speeches by kind (linked to the
     * outline where there is one).
     */
    @Override
    public Map<String, List<Evidence>> personEvidence(OrgRef org, int year) {
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        personDefinitions().forEach(d -> evidence.put(d.key(), new ArrayList<>()));
        for (StudySession s : held(org, year)) {
            String page = "/sessions/" + s.getId();
            if (s.presiderPersonId() != null) {
                evidence.get(PRESIDED)
                        .add(new Evidence("集中学习", s.getId(), s.date(), s.title(), "主持", null, page)
                                .about(s.presiderPersonId()));
            }
            if (s.evaluation() != null && s.evaluatedByPersonId() != null) {
                evidence.get(EVALUATED)
                        .add(new Evidence("学习讲评", s.getId(), s.date(), s.title(), s.evaluation(), null, page)
                                .about(s.evaluatedByPersonId()));
            }
            for (Attendance a : s.attendance()) {
                if (!a.isMember()) {
                    continue;
                }
                Participation taken = a.participation();
                Evidence record =
                        new Evidence("考勤", a.id(), s.date(), s.title(), taken.label(), null, page).about(a.personId());
                evidence.get(EXPECTED).add(record);
                switch (taken) {
                    case PRESENT -> evidence.get(ATTENDED).add(record);
                    case MADE_UP -> evidence.get(MADE_UP).add(record);
                    case MADE_UP_LATE -> evidence.get(MADE_UP_LATE).add(record);
                    default -> {}
                }
                if (a.status() == AttendanceStatus.LEAVE) {
                    evidence.get(LEAVES).add(record);
                }
            }
            for (Speech sp : s.speeches()) {
                evidence.get(sp.kind().figureKey())
                        .add(new Evidence(
                                        sp.kind().label(),
                                        sp.id(),
                                        s.date(),
                                        sp.title(),
                                        s.title() + (sp.outlineFileId() == null ? "" : " · 发言提纲"),
                                        null,
                                        sp.outlineFileId() == null ? page : page + "/files/" + sp.outlineFileId())
                                .about(sp.personId()));
            }
        }
        return evidence;
    }
}
