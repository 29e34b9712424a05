package cn.studyledger.session.domain;

import cn.studyledger.common.demo.DemoRow;
import cn.studyledger.common.demo.DemoTable;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.security.Decisions;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.LearningMode;
import cn.studyledger.session.MakeUpPeriod;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SpeechKind;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The demo year of sessions: 14 held sessions of mixed formats for X局, with leaves and make-ups. */
@Component
@Profile("demo")
@Order(20)
class SessionDemoData implements ApplicationRunner {

    private final SessionRepository sessions;
    private final OrgApi orgs;

    private final LeaveRequestRepository leaves;
    private final FileStore files;
    private final MakeUpPeriod makeUpPeriod;
    private final SessionNumbering numbering;
    private final SessionBriefRepository briefs;

    SessionDemoData(
            SessionRepository sessions,
            OrgApi orgs,
            LeaveRequestRepository leaves,
            FileStore files,
            MakeUpPeriod makeUpPeriod,
            SessionNumbering numbering,
            SessionBriefRepository briefs) {
        this.briefs = briefs;
        this.makeUpPeriod = makeUpPeriod;
        this.numbering = numbering;
        this.sessions = sessions;
        this.orgs = orgs;
        this.leaves = leaves;
        this.files = files;
    }

    private record Plan(String date, SessionFormat format, String title, List<StudySession.AgendaLine> agenda) {}

    private static StudySession.AgendaLine line(AgendaKind kind, String title) {
        return new StudySession.AgendaLine(kind, title);
    }

    private static List<Plan> plans() {
        Map<String, List<StudySession.AgendaLine>> agenda = new HashMap<>();
        for (DemoRow row : DemoTable.read("session/agenda.txt")) {
            agenda.computeIfAbsent(row.text("date"), d -> new ArrayList<>())
                    .add(line(row.kind("kind", AgendaKind.class), row.text("title")));
        }
        return DemoTable.read("session/sessions.txt").stream()
                .map(row -> new Plan(
                        row.text("date"),
                        row.kind("format", SessionFormat.class),
                        row.text("title"),
                        agenda.get(row.text("date"))))
                .toList();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null || sessions.countByOrgId(bureau.id()) > 0) {
            return;
        }
        List<Plan> plans = plans();
        List<GroupMember> members = orgs.members(bureau.id(), 2025);
        Long presider = members.stream()
                .filter(m -> m.role() == cn.studyledger.org.GroupRole.LEADER)
                .map(GroupMember::personId)
                .findFirst()
                .orElse(null);
        Map<String, Map<String, AttendanceStatus>> exceptions = Map.of(
                "2025-03-13", Map.of("刘芳", AttendanceStatus.LEAVE),
                "2025-06-19", Map.of("赵磊", AttendanceStatus.LEAVE),
                "2025-08-21", Map.of("周文斌", AttendanceStatus.ABSENT),
                "2025-10-30", Map.of("杨丽", AttendanceStatus.LEAVE),
                "2025-12-11", Map.of("孙海燕", AttendanceStatus.LEAVE));
        Long secretary = orgs.group(bureau.id(), 2025).stream()
                .filter(m -> m.role() == cn.studyledger.org.GroupRole.SECRETARY)
                .map(GroupMember::personId)
                .findFirst()
                .orElse(null);
        List<PersonRef> people = orgs.activePeople(bureau.id());
        Long lecturer = people.stream()
                .filter(PersonRef::expert)
                .map(PersonRef::id)
                .findFirst()
                .orElse(null);
        List<PersonRef> youth = people.stream().filter(PersonRef::youthCadre).toList();
        List<GroupMember> keySpeakers =
                members.stream().filter(m -> !m.name().equals("周文斌")).toList();
        int index = 0;
        for (Plan plan : plans) {
            LocalDate date = LocalDate.parse(plan.date());
            StudySession session = new StudySession(bureau.id());
            session.describe(
                    date,
                    LocalTime.of(9, 0),
                    plan.format() == SessionFormat.ON_SITE ? new BigDecimal("4") : new BigDecimal("3"),
                    plan.format() == SessionFormat.ON_SITE ? "市红色教育基地" : "局机关第一会议室",
                    plan.format(),
                    plan.title(),
                    presider,
                    numbering);
            session.replaceAgenda(plan.agenda());
            session.staff(
                    secretary,
                    modes(plan.format()),
                    plan.format() == SessionFormat.LECTURE ? lecturer : null,
                    plan.format() == SessionFormat.LECTURE ? "深入学习贯彻习近平生态文明思想，建设人与自然和谐共生的美丽中国" : null);
            session.expectMembers(members.stream().map(GroupMember::personId).toList());
            List<PersonRef> attendees = youthFor(plan.date(), youth);
            attendees.forEach(p -> session.addAttendee(p.id()));
            // the sessions youth cadres attend as 列席 are 扩大学习
            session.markEnlarged(!attendees.isEmpty());
            session.submitStudyPlan(
                    "学习目的：" + plan.title() + "。议程：" + plan.agenda().size() + "项议题，班子成员重点发言，组长讲评。",
                    Decisions.Party.account("clerk"));
            session.decideStudyPlan(
                    true,
                    null,
                    Decisions.Party.account("leader"),
                    "王建国",
                    date.minusDays(5).atTime(16, 0));
            Map<String, AttendanceStatus> special = exceptions.getOrDefault(plan.date(), Map.of());
            Map<Long, AttendanceStatus> statuses = new HashMap<>();
            List<Long> onLeave = new ArrayList<>();
            for (GroupMember m : members) {
                AttendanceStatus status = special.getOrDefault(m.name(), AttendanceStatus.PRESENT);
                statuses.put(m.personId(), status);
                if (status == AttendanceStatus.LEAVE) {
                    onLeave.add(m.personId());
                }
            }
            attendees.forEach(p -> statuses.put(p.id(), AttendanceStatus.PRESENT));
            session.recordAttendance(statuses, date.atTime(9, 0), makeUpPeriod.days(session.orgId(), date.getYear()));
            for (Long personId : onLeave) {
                // The leave of 2025-12-11 keeps its make-up open: the demo shows an unfinished 补学.
                if (!plan.date().equals("2025-12-11")) {
                    session.recordMakeUp(personId, date.plusDays(7), "自学会议内容并撰写学习体会");
                }
            }
            // Two KEY speeches per session, rotating through the members; 周文斌 never gives one (a rule finding).
            for (int k = 0; k < 2; k++) {
                GroupMember speaker = keySpeakers.get((index * 2 + k) % keySpeakers.size());
                if (statuses.get(speaker.personId()) == AttendanceStatus.PRESENT) {
                    session.addSpeech(
                            speaker.personId(),
                            SpeechKind.KEY,
                            speaker.name() + "：" + (plan.title().startsWith("学习") ? "" : "学习") + plan.title() + "的体会",
                            outline(speaker.name(), plan.title()),
                            true);
                }
            }
            for (int k = 0; k < attendees.size() && k < 2; k++) {
                session.addSpeech(attendees.get(k).id(), SpeechKind.EXCHANGE, "青年干部谈学习体会", null, false);
            }
            session.recordMinutes("会议由王建国同志主持。" + plan.title() + "。与会同志逐项学习了议题内容，并结合分管工作交流了学习体会。");
            session.markHeld(date.atTime(12, 0), Map.of(), numbering);
            session.evaluate("本次学习准备充分，发言联系实际。下一步要把学习成果转化为推动工作的具体举措。", "王建国", presider, date.atTime(12, 0));
            sessions.save(session);
            // The first sessions of the year were reported in 学习简报 第1期, 第2期 …; the later ones not yet.
            if (index < 3) {
                SessionBrief brief = new SessionBrief(session.getId(), session.orgId(), date.getYear());
                brief.edit(
                        "理论学习中心组集中学习：" + plan.title(),
                        date.getMonthValue() + "月" + date.getDayOfMonth() + "日，理论学习中心组召开集中学习，主题为“" + plan.title()
                                + "”。会议由王建国同志主持。\n与会同志逐项学习了议题内容，并结合分管工作交流了学习体会。");
                brief.issue(index + 1, date.plusDays(2), "学习秘书");
                briefs.save(brief);
            }
            for (Long personId : onLeave) {
                LeaveRequest request = new LeaveRequest(session.getId(), personId, "因公出差");
                request.decide(
                        true,
                        null,
                        Decisions.Party.account("leader"),
                        "王建国",
                        date.minusDays(2).atTime(10, 0));
                leaves.save(request);
            }
            index++;
        }
        StudySession planned = new StudySession(bureau.id());
        planned.describe(
                LocalDate.of(2026, 12, 17),
                LocalTime.of(9, 0),
                new BigDecimal("3"),
                "局机关第一会议室",
                SessionFormat.DISCUSSION,
                "学习贯彻中央经济工作会议精神专题研讨",
                presider,
                numbering);
        planned.replaceAgenda(List.of(line(AgendaKind.FIRST_TOPIC, "中央经济工作会议精神")));
        planned.expectMembers(orgs.members(bureau.id(), 2026).stream()
                .map(GroupMember::personId)
                .toList());
        sessions.save(planned);
        seedUnit();
    }

    private static Set<LearningMode> modes(SessionFormat format) {
        return switch (format) {
            case DISCUSSION, EXCHANGE -> Set.of(LearningMode.LEAD, LearningMode.DISCUSS);
            case LECTURE -> Set.of(LearningMode.LEAD, LearningMode.LECTURE);
            case ON_SITE -> Set.of(LearningMode.FIELD);
            case ONLINE -> Set.of(LearningMode.ONLINE);
            case JOINT -> Set.of(LearningMode.JOINT, LearningMode.DISCUSS);
            default -> Set.of(LearningMode.LEAD);
        };
    }

    /** Youth cadres attend three sessions as 列席; four of the twelve never do. */
    private static List<PersonRef> youthFor(String date, List<PersonRef> youth) {
        return switch (date) {
            case "2025-07-10" -> youth.subList(0, Math.min(3, youth.size()));
            case "2025-11-27" -> youth.subList(Math.min(2, youth.size()), Math.min(8, youth.size()));
            case "2025-12-25" -> youth.subList(0, Math.min(4, youth.size()));
            default -> List.of();
        };
    }

    private Long outline(String speaker, String topic) {
        String text = speaker + "同志发言提纲\n一、学习体会\n二、联系分管工作的思考\n三、下一步打算\n（" + topic + "）\n";
        return files.store(
                        speaker + "发言提纲.txt",
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        FileKind.DOCUMENTS)
                .id();
    }

    /** Two held sessions of XJ-01, so a subordinate unit has records of its own. */
    private void seedUnit() {
        OrgRef unit = orgs.findUnchecked("XJ-01").orElse(null);
        if (unit == null) {
            return;
        }
        List<Long> members = orgs.members(unit.id(), 2025).stream()
                .map(GroupMember::personId)
                .toList();
        for (String day : List.of("2025-03-20", "2025-09-25")) {
            LocalDate date = LocalDate.parse(day);
            StudySession session = new StudySession(unit.id());
            session.describe(
                    date,
                    LocalTime.of(14, 30),
                    new BigDecimal("3"),
                    "监测中心会议室",
                    SessionFormat.COLLECTIVE,
                    "监测中心党委理论学习中心组集体学习",
                    null,
                    numbering);
            session.replaceAgenda(List.of(line(AgendaKind.FIRST_TOPIC, "习近平总书记最新重要讲话精神")));
            session.expectMembers(members);
            Map<Long, AttendanceStatus> statuses = new HashMap<>();
            members.forEach(id -> statuses.put(id, AttendanceStatus.PRESENT));
            session.recordAttendance(
                    statuses,
                    LocalDateTime.of(date, LocalTime.of(14, 30)),
                    makeUpPeriod.days(session.orgId(), date.getYear()));
            session.markHeld(date.atTime(17, 0), Map.of(), numbering);
            sessions.save(session);
        }
    }
}
