package cn.studyledger.figure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every figure of DESIGN.md §3 recomputed with plain SQL over the tables, written from the figure's definition
 * and not from the module's code, so that the figures API can be checked against it. A figure some module
 * defines without a query here makes the check fail: a new figure needs its independent count.
 */
final class IndependentFigureQueries {

    /** What the SQL says a figure is: a count or sum ({@code value}), a rate (numerator/denominator) or a text. */
    record Expected(Object value, Long numerator, Long denominator) {

        static Expected of(Object value) {
            return new Expected(value, null, null);
        }

        static Expected rate(long numerator, long denominator) {
            return new Expected(null, numerator, denominator);
        }
    }

    private static final String ORG = "(select id from org_unit where code = :org)";

    private static final String HELD = "select s.id from session_study_session s where s.org_id = " + ORG
            + " and s.status = 'HELD' and s.session_date between :from and :to";

    private static final String MEMBERS = "select m.person_id from org_membership m where m.org_id = " + ORG
            + " and m.study_year = :year and m.role <> 'SECRETARY'";

    private static final String YEAR_INVESTIGATIONS =
            "select i.id from research_investigation i where i.org_id = " + ORG + " and i.investigation_year = :year";

    private final JdbcClient jdbc;
    private final String org;
    private final int year;
    /** The last month of the period: 12 for the year, 6 for its first half (上半年). */
    private final int lastMonth;

    IndependentFigureQueries(JdbcClient jdbc, String org, int year) {
        this(jdbc, org, year, 12);
    }

    /**
     * The figures of the months 1 to {@code lastMonth} of the year: records dated within them; the plan's
     * arrangements of those months; undated records of the year (its investigations' themes and reports) in full.
     */
    IndependentFigureQueries(JdbcClient jdbc, String org, int year, int lastMonth) {
        this.jdbc = jdbc;
        this.org = org;
        this.year = year;
        this.lastMonth = lastMonth;
    }

    /** The expected value of every figure, by key. */
    Map<String, Expected> all() {
        Map<String, Expected> e = new LinkedHashMap<>();
        e.put("org.name", Expected.of(text("select name from org_unit where code = :org")));
        e.put("org.field", Expected.of(text("select business_field from org_unit where code = :org")));
        e.put("sessions.collective", Expected.of(count("select count(*) from (" + HELD + ") h")));
        e.put(
                "sessions.hours",
                Expected.of(sum("select coalesce(sum(s.duration_hours), 0) from session_study_session s where s.id in ("
                        + HELD + ")")));
        // 集中学习天数折算 from the year's rule table, 3 and 6 hours where the table holds no row
        String dayHours = "(select r.%s from rules_setting r where r.org_id = " + ORG
                + " and r.rule_year = :year and r.rule_key = 'sessions.dayHours')";
        e.put(
                "sessions.days",
                Expected.of(sum("select coalesce(sum(case when s.duration_hours >= coalesce("
                        + dayHours.formatted("param2") + ", 6) then 1 when s.duration_hours >= coalesce("
                        + dayHours.formatted("param1") + ", 3) then 0.5 else 0 end), 0)"
                        + " from session_study_session s where s.id in (" + HELD + ")")));
        e.put(
                "sessions.discussion",
                Expected.of(count("select count(*) from session_study_session s where s.id in (" + HELD + ")"
                        + " and (s.format = 'DISCUSSION' or " + agenda("DISCUSSION") + ")")));
        e.put(
                "sessions.enlarged",
                Expected.of(count("select count(*) from session_study_session s where s.id in (" + HELD + ")"
                        + " and s.enlarged = true")));
        e.put(
                "briefs.issued",
                Expected.of(count("select count(*) from session_brief b where b.org_id = " + ORG
                        + " and b.brief_year = :year and b.status = 'ISSUED'"
                        + (lastMonth == 12 ? "" : " and b.issued_on between :from and :to"))));
        e.put(
                "firsttopic.sessions",
                Expected.of(count("select count(*) from session_study_session s where s.id in (" + HELD + ") and "
                        + agenda("FIRST_TOPIC"))));
        e.put("lectures.count", Expected.of(heldOfFormat("LECTURE")));
        e.put(
                "research.discussions",
                Expected.of(count("select count(*) from session_study_session s where s.id in (" + HELD + ") and "
                        + agenda("RESEARCH_TOPIC"))));
        String memberAttendance = "select count(*) from session_attendance a where a.session_id in (" + HELD
                + ") and a.attendee_role = 'MEMBER'";
        long expected = count(memberAttendance);
        e.put(
                "attendance.rate",
                Expected.rate(
                        count(memberAttendance
                                + " and (a.status = 'PRESENT' or (a.status = 'LEAVE' and a.make_up_done_on is not null"
                                + " and (a.make_up_due_on is null or a.make_up_done_on <= a.make_up_due_on)))"),
                        expected));
        // 学习测试: the tests held in the period; each member's taking part over every (test, member) pair
        String tests = "select t.id from session_study_test t where t.org_id = " + ORG
                + " and t.held_on between :from and :to";
        long held = count("select count(*) from (" + tests + ") t");
        e.put("tests.held", Expected.of(held));
        e.put(
                "tests.participation",
                Expected.rate(
                        count("select count(*) from session_study_test_participant p where p.test_id in (" + tests
                                + ") and p.person_id in (" + MEMBERS + ")"),
                        held * count("select count(*) from (" + MEMBERS + ") mm")));
        e.put("attendance.presentRate", Expected.rate(count(memberAttendance + " and a.status = 'PRESENT'"), expected));
        e.put(
                "speech.keyRate",
                Expected.rate(
                        count("select count(*) from (" + MEMBERS + ") mm where exists (select 1 from session_speech sp"
                                + " where sp.person_id = mm.person_id and sp.kind = 'KEY' and sp.session_id in (" + HELD
                                + "))"),
                        count("select count(*) from (" + MEMBERS + ") mm")));
        e.put(
                "youth.attendees",
                Expected.of(count("select count(distinct a.person_id) from session_attendance a"
                        + " join org_person p on p.id = a.person_id where p.youth_cadre = true"
                        + " and a.attendee_role = 'ATTENDEE' and a.status = 'PRESENT' and a.session_id in (" + HELD
                        + ")")));
        e.put(
                "youth.speakers",
                Expected.of(count("select count(distinct sp.person_id) from session_speech sp"
                        + " join org_person p on p.id = sp.person_id where p.youth_cadre = true and sp.session_id in ("
                        + HELD + ")")));
        e.put(
                "firsttopic.items",
                Expected.of(count("select count(distinct st.item_id) from firsttopic_study st"
                        + " join firsttopic_item i on i.id = st.item_id where i.org_id = " + ORG
                        + " and st.session_id in (" + HELD + ")")));
        String dueTasks = "select count(*) from firsttopic_task t where t.org_id = " + ORG
                + " and t.due_on between :from and :to and t.status <> 'CANCELLED'";
        e.put(
                "firsttopic.closureRate",
                Expected.rate(count(dueTasks + " and t.status = 'DONE' and t.done_on <= t.due_on"), count(dueTasks)));
        e.put("firsttopic.medianLagDays", Expected.of(medianLag()));
        e.put(
                "selfstudy.hours",
                Expected.of(sum("select coalesce(sum(e.hours), 0) from selfstudy_entry e where e.org_id = " + ORG
                        + " and e.study_date between :from and :to and e.person_id in (" + MEMBERS + ")")));
        e.put(
                "writings.count",
                Expected.of(count("select count(*) from selfstudy_writing w where w.org_id = " + ORG
                        + " and w.written_on between :from and :to and w.kind <> 'SPEECH' and w.person_id in ("
                        + MEMBERS + ")")));
        e.put(
                "books.read",
                Expected.of(count("select count(*) from selfstudy_book b where b.org_id = " + ORG
                        + " and b.finished_on between :from and :to and b.person_id in (" + MEMBERS + ")")));
        e.put(
                "notes.attached",
                Expected.of(count("select count(*) from selfstudy_note n join selfstudy_entry e on e.id = n.entry_id"
                        + " where e.org_id = " + ORG + " and e.study_date between :from and :to and e.person_id in ("
                        + MEMBERS + ")")));
        e.put(
                "online.personTimes",
                Expected.of(sum("select coalesce(sum(o.person_times), 0) from selfstudy_online_learning o"
                        + " where o.org_id = " + ORG + " and o.period_start between :from and :to")));
        e.put(
                "materials.issues",
                Expected.of(count("select count(*) from material_issue i where i.org_id = " + ORG
                        + " and i.status = 'PUBLISHED' and i.published_on between :from and :to")));
        String approvedPlan = "select p.id from plan_annual_plan p where p.org_id = " + ORG
                + " and p.plan_year = :year and p.status = 'APPROVED' and p.revision = (select max(q.revision)"
                + " from plan_annual_plan q where q.org_id = p.org_id and q.plan_year = p.plan_year"
                + " and q.status = 'APPROVED')";
        String arrangements = "select count(*) from plan_arrangement a where a.plan_id in (" + approvedPlan + ")"
                + " and a.plan_month <= " + lastMonth;
        e.put(
                "plan.executionRate",
                Expected.rate(
                        count(arrangements + " and exists (select 1 from plan_arrangement_session x"
                                + " where x.arrangement_id = a.id and x.session_id in (" + HELD + "))"),
                        count(arrangements)));
        String completedVisit = "v.superior_org_id = " + ORG
                + " and v.planned_on between :from and :to and v.stage in ('SUMMARISED', 'CLOSED')";
        e.put(
                "supervision.visits",
                Expected.of(count("select count(*) from supervision_visit v where " + completedVisit)));
        String units = "select count(*) from org_unit u where u.parent_id = " + ORG + " and u.active = true";
        e.put(
                "supervision.coverage",
                Expected.rate(
                        count(units + " and exists (select 1 from supervision_visit v where v.unit_org_id = u.id and "
                                + completedVisit + ")"),
                        count(units)));
        // 接受列席旁听评价平均分: the visits made to the organisation planned in the period with a weighted score
        String rated = " from supervision_visit v where v.unit_org_id = " + ORG
                + " and v.planned_on between :from and :to and v.weighted_score is not null";
        long ratedVisits = count("select count(*)" + rated);
        e.put(
                "supervision.rating",
                Expected.of(
                        ratedVisits == 0
                                ? null
                                : sum("select sum(v.weighted_score)" + rated)
                                        .divide(BigDecimal.valueOf(ratedVisits), 1, RoundingMode.HALF_UP)));
        // 报送及时率: the filings received in the period, filed by their deadline
        String filings = "select count(*) from liaison_submission f where f.superior_org_id = " + ORG
                + " and f.submitted_on between :from and :to";
        e.put("submissions.onTime", Expected.rate(count(filings + " and f.submitted_on <= f.due_on"), count(filings)));
        // 本单位报送及时率: the organisation's own filings of the year, the first of each kind (earliest day, then
        // lowest id), filed by the end of the part of the year (the year: whenever); on time when filed by their due
        // date
        String sameKind = " from liaison_submission q where q.unit_org_id = f.unit_org_id and q.kind = f.kind"
                + " and q.submission_year = f.submission_year";
        String ownFirst = "select count(*) from liaison_submission f where f.unit_org_id = " + ORG
                + " and f.submission_year = :year" + (lastMonth == 12 ? "" : " and f.submitted_on <= :to")
                + " and f.id = (select min(q.id)" + sameKind
                + " and q.submitted_on = (select min(q.submitted_on)" + sameKind + "))";
        e.put(
                "submissions.filedOnTime",
                Expected.rate(count(ownFirst + " and f.submitted_on <= f.due_on"), count(ownFirst)));
        // the system below the organisation: its direct subordinates, every unit under it, and their held sessions
        String children = "select u.id from org_unit u where u.active = true and u.parent_id = " + ORG;
        String below = "select u.id from org_unit u where u.active = true and u.path like (select concat(o.path, '%')"
                + " from org_unit o where o.code = :org) and u.path <> (select o.path from org_unit o where o.code = :org)";
        e.put("system.units", Expected.of(count("select count(*) from (" + children + ") c")));
        e.put("system.all.units", Expected.of(count("select count(*) from (" + below + ") b")));
        system(children).forEach((key, value) -> e.put("system." + key, Expected.of(value)));
        system(below).forEach((key, value) -> e.put("system.all." + key, Expected.of(value)));
        // 学习提示落实率: the receipts of the notices issued in the period whose unit linked a held session
        String receipts = "select count(*) from liaison_notice_receipt r join liaison_notice n on n.id = r.notice_id"
                + " where n.issuer_org_id = " + ORG + " and n.issued_on between :from and :to";
        e.put(
                "notices.coverage",
                Expected.rate(
                        count(receipts + " and r.id in (select rs.receipt_id from liaison_notice_receipt_session rs"
                                + " join session_study_session s on s.id = rs.session_id where s.status = 'HELD')"),
                        count(receipts)));
        String recommendations = "select count(*) from research_recommendation r where r.org_id = " + ORG
                + " and r.proposed_on between :from and :to";
        e.put("research.recommendations", Expected.of(count(recommendations)));
        e.put("research.adopted", Expected.of(count(recommendations + " and r.status = 'ADOPTED'")));
        e.put("investigation.themes", Expected.of(count("select count(*) from (" + YEAR_INVESTIGATIONS + ") yi")));
        String trips = "select count(*) from research_trip t where t.investigation_id in (" + YEAR_INVESTIGATIONS + ")"
                + (lastMonth == 12 ? "" : " and t.trip_date between :from and :to");
        e.put("investigation.trips", Expected.of(count(trips)));
        e.put(
                "investigation.reports",
                Expected.of(count("select count(*) from research_report r where r.investigation_id in ("
                        + YEAR_INVESTIGATIONS + ")")));
        e.put("investigation.highlightField", Expected.of(highlightField()));
        e.put(
                "fieldwork.count",
                Expected.of(heldOfFormat("ON_SITE")
                        + count(trips
                                + " and exists (select 1 from research_trip_participant tp where tp.trip_id = t.id"
                                + " and tp.person_id in (" + MEMBERS + "))")));
        e.put(
                "publicity.items",
                Expected.of(count("select count(*) from outreach_publicity_item i where i.org_id = " + ORG
                        + " and i.published_on between :from and :to")));
        e.put(
                "outreach.jointSessions",
                Expected.of(count("select count(*) from session_study_session s where s.id in (" + HELD + ")"
                        + " and s.format = 'JOINT' and exists (select 1 from outreach_joint_link l where l.session_id = s.id"
                        + " and (exists (select 1 from outreach_joint_youth_group g where g.link_id = l.id)"
                        + " or exists (select 1 from outreach_joint_branch b where b.link_id = l.id)))")));
        e.put(
                "outreach.exchangeMeetings",
                Expected.of(heldOfFormat("EXCHANGE")
                        + count("select count(*) from outreach_exchange_meeting m where m.org_id = " + ORG
                                + " and m.held_on between :from and :to")));
        return e;
    }

    /**
     * The counts and sums the system adds up, over the units of the statement {@code units} (their ids): each unit's
     * own records, as each figure of the organisation itself is defined above, with the unit in place of the
     * organisation.
     */
    private Map<String, BigDecimal> system(String units) {
        Map<String, BigDecimal> s = new LinkedHashMap<>();
        String held = "select s.id from session_study_session s where s.status = 'HELD'"
                + " and s.session_date between :from and :to and s.org_id in (" + units + ")";
        String heldSessions = "select count(*) from session_study_session s where s.id in (" + held + ")";
        s.put("sessions.collective", BigDecimal.valueOf(count(heldSessions)));
        s.put(
                "sessions.hours",
                sum("select coalesce(sum(s.duration_hours), 0) from session_study_session s where s.id in (" + held
                        + ")"));
        s.put(
                "sessions.discussion",
                BigDecimal.valueOf(
                        count(heldSessions + " and (s.format = 'DISCUSSION' or " + agenda("DISCUSSION") + ")")));
        s.put("firsttopic.sessions", BigDecimal.valueOf(count(heldSessions + " and " + agenda("FIRST_TOPIC"))));
        s.put("lectures.count", BigDecimal.valueOf(count(heldSessions + " and s.format = 'LECTURE'")));
        // a member of the unit's own group that year (not its secretary)
        String memberOfItsUnit = "exists (select 1 from org_membership m where m.org_id = %1$s.org_id"
                + " and m.person_id = %1$s.person_id and m.study_year = :year and m.role <> 'SECRETARY')";
        s.put(
                "selfstudy.hours",
                sum("select coalesce(sum(e.hours), 0) from selfstudy_entry e where e.org_id in (" + units + ")"
                        + " and e.study_date between :from and :to and " + memberOfItsUnit.formatted("e")));
        s.put(
                "writings.count",
                BigDecimal.valueOf(count("select count(*) from selfstudy_writing w where w.org_id in (" + units + ")"
                        + " and w.written_on between :from and :to and w.kind <> 'SPEECH' and "
                        + memberOfItsUnit.formatted("w"))));
        s.put(
                "research.adopted",
                BigDecimal.valueOf(count("select count(*) from research_recommendation r where r.org_id in (" + units
                        + ") and r.proposed_on between :from and :to and r.status = 'ADOPTED'")));
        s.put(
                "investigation.reports",
                BigDecimal.valueOf(count("select count(*) from research_report r join research_investigation i"
                        + " on i.id = r.investigation_id where i.org_id in (" + units + ")"
                        + " and i.investigation_year = :year")));
        s.put(
                "supervision.visits",
                BigDecimal.valueOf(count("select count(*) from supervision_visit v where v.superior_org_id in ("
                        + units + ") and v.planned_on between :from and :to"
                        + " and v.stage in ('SUMMARISED', 'CLOSED')")));
        return s;
    }

    private static String agenda(String kind) {
        return "exists (select 1 from session_agenda_item ai where ai.session_id = s.id and ai.kind = '" + kind + "')";
    }

    private long heldOfFormat(String format) {
        return count("select count(*) from session_study_session s where s.id in (" + HELD + ") and s.format = '"
                + format + "'");
    }

    /**
     * The median of the days from publication to first held study, over the organisation's items whose first
     * held study fell in the year; null when there is none.
     */
    private BigDecimal medianLag() {
        List<Long> lags = jdbc
                .sql("select i.published_on, min(s.session_date) first_study from firsttopic_item i"
                        + " join firsttopic_study st on st.item_id = i.id"
                        + " join session_study_session s on s.id = st.session_id and s.status = 'HELD'"
                        + " where i.org_id = " + ORG + " group by i.id, i.published_on")
                .param("org", org)
                .query((rs, n) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
                .list()
                .stream()
                .filter(d -> d[1].getYear() == year && d[1].getMonthValue() <= lastMonth)
                .map(d -> ChronoUnit.DAYS.between(d[0], d[1]))
                .sorted()
                .toList();
        if (lags.isEmpty()) {
            return null;
        }
        int n = lags.size();
        BigDecimal median = n % 2 == 1
                ? BigDecimal.valueOf(lags.get(n / 2))
                : BigDecimal.valueOf(lags.get(n / 2 - 1) + lags.get(n / 2)).divide(BigDecimal.valueOf(2));
        return median.setScale(1, RoundingMode.HALF_UP);
    }

    /** The field of the chosen report of the year's investigations, else of the winner of a finished selection. */
    private String highlightField() {
        List<String> chosen = jdbc.sql("select r.field from research_report r where r.chosen = true"
                        + " and r.investigation_id in (" + YEAR_INVESTIGATIONS + ") order by r.id")
                .param("org", org)
                .param("year", year)
                .query(String.class)
                .list();
        if (!chosen.isEmpty()) {
            return chosen.get(0);
        }
        return jdbc
                .sql("select r.field from research_result x join research_selection s on s.id = x.selection_id"
                        + " join research_report r on r.id = x.report_id where s.org_id = " + ORG
                        + " and s.selection_year = :year and s.status = 'FINISHED' and x.ranking = 1"
                        + " and r.investigation_id in (" + YEAR_INVESTIGATIONS + ") order by x.id")
                .param("org", org)
                .param("year", year)
                .query(String.class)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
    }

    private String text(String sql) {
        return jdbc.sql(sql).param("org", org).query(String.class).single();
    }

    private long count(String sql) {
        return bind(sql).query(Long.class).single();
    }

    private BigDecimal sum(String sql) {
        return bind(sql).query(BigDecimal.class).single();
    }

    private JdbcClient.StatementSpec bind(String sql) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("org", org);
        if (sql.contains(":year")) {
            spec = spec.param("year", year);
        }
        if (sql.contains(":from") || sql.contains(":to")) {
            spec = spec.param("from", LocalDate.of(year, 1, 1))
                    .param("to", LocalDate.of(year, lastMonth, 1).plusMonths(1).minusDays(1));
        }
        return spec;
    }
}
