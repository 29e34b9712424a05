package cn.studyledger.security;

import cn.studyledger.session.domain.DisplayLinks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fills the path variables of an endpoint pattern with real ids of X局's (org XJ, 2025) records, looked up by
 * SQL, so that a user who is let through sees a real record and a user of another organisation is refused on
 * a real record. A variable is resolved by its name and the path before it; nested variables (a session's
 * file, a plan's arrangement) belong to the record resolved before them.
 */
final class DemoRecords {

    private static final String XJ = "(select id from org_unit where code = 'XJ')";
    private static final Pattern FROM = Pattern.compile("from (\\w+)");
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)(:[^}]*)?}");

    /**
     * A pattern filled in: the URL to call, whether it names X局's data, what could not be resolved, and the table
     * and id of the record its last variable names (null if none), e.g. to send the version an editor saw.
     */
    record Filled(String url, boolean scopedToXj, List<String> unresolved, String table, String id) {}

    /** Where a variable's value comes from: the first column of the first row of sql, made into the value by then. */
    private record Source(String prefix, String variable, String sql, boolean scoped, UnaryOperator<String> then) {}

    private final JdbcClient jdbc;
    private final List<Source> sources = new ArrayList<>();
    private final Map<String, String> cache = new HashMap<>();

    DemoRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
        String session = "select s.id from session_study_session s where s.org_id = " + XJ
                + " and extract(year from s.session_date) = 2025 order by"
                + " (select count(*) from session_attachment a where a.session_id = s.id) desc,"
                + " (select count(*) from session_speech p where p.session_id = s.id) desc, s.id";
        String leave = "select min(l.id) from session_leave_request l join session_study_session s"
                + " on s.id = l.session_id where s.org_id = " + XJ;
        String visit = "select v.id from supervision_visit v join org_unit u on u.id = v.unit_org_id"
                + " where v.superior_org_id = " + XJ + " and u.code <> 'XJ-01' order by"
                + " (select count(*) from supervision_visit_file f where f.visit_id = v.id) desc, v.id";
        String person = "select min(id) from org_person where org_id = " + XJ;
        String memberPerson = "select person_id from org_account where username = 'member'";
        String report = "select max(id) from report_annual_report where org_id = " + XJ + " and report_year = 2025";
        String researchReport = "select r.id from research_report r where r.org_id = " + XJ
                + " order by case when r.file_id is null then 1 else 0 end, r.id";

        // The check-in confirmation page shows nothing of the session; the POST checks the token.
        add("/checkin/", "id", session, false);
        // The display link of X局's planned session, made from its id and check-in secret; the token is the
        // permission, so it names no record of a data scope.
        String plannedSecret = "select s.id || ' ' || s.checkin_secret from session_study_session s where s.org_id = "
                + XJ + " and s.status = 'PLANNED' and s.checkin_secret is not null order by s.id";
        sources.add(new Source("/display/checkin/", "token", plannedSecret, false, idAndSecret -> {
            String[] parts = idAndSecret.split(" ");
            return DisplayLinks.token(Long.parseLong(parts[0]), parts[1]);
        }));
        for (String p : new String[] {"/sessions/", "/api/v1/sessions/"}) {
            add(p, "id", session, true);
            add(p, "fileId", "select min(file_id) from session_attachment where session_id = :id", true);
            add(p, "speechId", "select min(id) from session_speech where session_id = :id", true);
            add(p, "personId", "select min(person_id) from session_attendance where session_id = :id", true);
        }
        for (String p : new String[] {"/my/makeups/", "/outreach/joint/", "/api/v1/joint-sessions/"}) {
            add(p, "sessionId", session, true);
        }
        add("/leaves/", "id", leave, true);
        add("/api/v1/leaves/", "id", leave, true);
        for (String p : new String[] {"/plans/", "/api/v1/plans/"}) {
            add(p, "id", "select max(id) from plan_annual_plan where org_id = " + XJ + " and plan_year = 2025", true);
            add(p, "aid", "select min(id) from plan_arrangement where plan_id = :id", true);
        }
        String task = "select min(id) from firsttopic_task where org_id = " + XJ;
        String deployment = "select min(id) from firsttopic_deployment where org_id = " + XJ;
        add("/firsttopic/tasks/", "id", task, true);
        add("/api/v1/firsttopic/tasks/", "id", task, true);
        add("/firsttopic/deployments/", "deploymentId", deployment, true);
        add("/api/v1/firsttopic/deployments/", "id", deployment, true);
        String item = "select i.id from firsttopic_item i where i.org_id = " + XJ
                + " order by (select count(*) from firsttopic_study s where s.item_id = i.id) desc, i.id";
        for (String p : new String[] {"/firsttopic/", "/api/v1/firsttopic/items/"}) {
            add(p, "id", item, true);
            add(p, "studyId", "select min(id) from firsttopic_study where item_id = :id", true);
        }
        String writing = "select w.id from selfstudy_writing w where w.org_id = " + XJ
                + " order by case when w.file_id is null then 1 else 0 end, w.id";
        String studyTest = "select t.id from session_study_test t where t.org_id = " + XJ
                + " order by (select count(*) from session_study_test_participant p where p.test_id = t.id) desc, t.id";
        add("/study-tests/", "id", studyTest, true);
        add("/api/v1/study-tests/", "id", studyTest, true);
        add("/writings/", "id", writing, true);
        add("/api/v1/writings/", "id", writing, true);
        String online = "select min(id) from selfstudy_online_learning where org_id = " + XJ;
        add("/online/", "id", online, true);
        add("/api/v1/online/", "id", online, true);
        String entry = "select min(id) from selfstudy_entry where org_id = " + XJ;
        for (String p : new String[] {"/selfstudy/", "/api/v1/selfstudy/"}) {
            add(p, "id", entry, true);
            add(p, "fileId", "select min(file_id) from selfstudy_note where entry_id = :id", true);
        }
        String book = "select min(id) from selfstudy_book where org_id = " + XJ + " and book_year = 2025";
        add("/books/", "id", book, true);
        add("/api/v1/books/", "id", book, true);
        String issue = "select m.id from material_issue m where m.org_id = " + XJ
                + " order by (select count(*) from material_issue_file f where f.issue_id = m.id) desc, m.id";
        for (String p : new String[] {"/materials/", "/api/v1/materials/"}) {
            add(p, "id", issue, true);
            add(p, "fileId", "select min(file_id) from material_issue_file where issue_id = :id", true);
        }
        String document = "select d.id from material_document d where d.org_id = " + XJ
                + " order by case when d.file_id is null then 1 else 0 end, d.id";
        add("/library/", "id", document, true);
        add("/api/v1/library/", "id", document, true);
        String rectification = "select min(r.id) from supervision_rectification r join supervision_visit v"
                + " on v.id = r.visit_id join org_unit u on u.id = v.unit_org_id where v.superior_org_id = " + XJ
                + " and u.code <> 'XJ-01'";
        add("/supervision/rectifications/", "id", rectification, true);
        add("/api/v1/supervision/rectifications/", "id", rectification, true);
        for (String p : new String[] {"/supervision/visits/", "/api/v1/supervision/visits/"}) {
            add(p, "id", visit, true);
            add(p, "fileId", "select min(file_id) from supervision_visit_file where visit_id = :id", true);
        }
        String recommendation = "select min(id) from research_recommendation where org_id = " + XJ;
        add("/research/recommendations/", "id", recommendation, true);
        add("/api/v1/research/recommendations/", "id", recommendation, true);
        String topic = "select t.id from research_topic t where t.org_id = " + XJ + " and t.topic_year = 2025"
                + " order by (select count(*) from research_discussion d where d.topic_id = t.id) desc, t.id";
        for (String p : new String[] {"/research/", "/api/v1/research/topics/"}) {
            add(p, "id", topic, true);
            add(p, "discussionId", "select min(id) from research_discussion where topic_id = :id", true);
        }
        String trip = "select min(id) from research_trip where org_id = " + XJ;
        String selection = "select max(id) from research_selection where org_id = " + XJ;
        String investigation =
                "select min(id) from research_investigation where org_id = " + XJ + " and investigation_year = 2025";
        for (String p : new String[] {"/investigations/", "/api/v1/investigations/"}) {
            add(p + "reports/", "reportId", researchReport, true);
            add(p + "trips/", "tripId", trip, true);
            add(p + "selection/", "id", selection, true);
            add(p + "selections/", "id", selection, true);
            add(p, "reportId", researchReport, true);
            add(p, "id", investigation, true);
        }
        String branch = "select min(id) from outreach_branch where org_id = " + XJ;
        String group = "select min(id) from outreach_youth_group where org_id = " + XJ;
        String publicity = "select p.id from outreach_publicity_item p where p.org_id = " + XJ
                + " order by case when p.file_id is null then 1 else 0 end, p.id";
        String exchange = "select min(id) from outreach_exchange_meeting where org_id = " + XJ;
        add("/outreach/branches/", "id", branch, true);
        add("/api/v1/partner-branches/", "id", branch, true);
        add("/outreach/groups/", "id", group, true);
        add("/api/v1/youth-groups/", "id", group, true);
        // a 学习提示 of X局 that does not go to XJ-01, so the unit's clerk is refused it
        String notice = "select n.id from liaison_notice n where n.issuer_org_id = " + XJ + " and not exists (select 1"
                + " from liaison_notice_receipt r join org_unit u on u.id = r.unit_org_id where r.notice_id = n.id"
                + " and u.code = 'XJ-01') order by n.id";
        // a filing to X局 by a unit other than XJ-01 (the 执法总队's member list)
        String submission = "select s.id from liaison_submission s join org_unit u on u.id = s.unit_org_id"
                + " where s.superior_org_id = " + XJ + " and u.code <> 'XJ-01' order by s.id";
        // X局's 2025 assessment: the 监测中心's adjustment and commendation, the 规划研究院's objection
        String assessment = "(select id from assessment where org_id = " + XJ + " and assessment_year = 2025)";
        String adjustment = "select min(id) from assessment_adjustment where assessment_id = " + assessment;
        String commendation = "select min(id) from assessment_commendation where assessment_id = " + assessment;
        String objection = "select min(id) from assessment_objection where assessment_id = " + assessment;
        add("/assessment/adjustments/", "id", adjustment, true);
        add("/api/v1/assessment/adjustments/", "id", adjustment, true);
        add("/assessment/commendations/", "id", commendation, true);
        add("/api/v1/assessment/commendations/", "id", commendation, true);
        add("/assessment/objections/", "id", objection, true);
        add("/api/v1/assessment/objections/", "id", objection, true);
        add("/api/v1/orgs/{orgCode}/years/{year}/assessment/units/", "unitCode", "select 'XJ-02'", false);
        add(
                "/api/v1/orgs/{orgCode}/years/{year}/assessment/units/{unitCode}/figures/",
                "key",
                "select 'sessions.collective'",
                false);
        // the installation X局's clerk trusts for the 信息中心's filings
        add(
                "/api/v1/orgs/{orgCode}/peers/",
                "id",
                "select min(id) from liaison_trusted_peer where owner_org_id = " + XJ,
                true);
        add("/submissions/", "id", submission, true);
        add("/api/v1/submissions/", "id", submission, true);
        add("/notices/", "id", notice, true);
        add("/api/v1/notices/", "id", notice, true);
        add("/outreach/publicity/", "id", publicity, true);
        add("/api/v1/publicity/", "id", publicity, true);
        add("/outreach/exchanges/", "id", exchange, true);
        add("/api/v1/exchange-meetings/", "id", exchange, true);
        String block = "select min(id) from report_block where report_id = (" + report + ")";
        add("/report/blocks/", "id", block, true);
        add("/api/v1/orgs/{orgCode}/years/{year}/report/blocks/", "blockId", block, true);
        add("/report/proposals/", "id", "select min(id) from report_proposal where report_id = (" + report + ")", true);
        String revision =
                "select max(revision) from report_annual_report where org_id = " + XJ + " and report_year = 2025";
        add("/report/revisions/", "revision", revision, false);
        add("/api/v1/orgs/{orgCode}/years/{year}/report/revisions/", "revision", revision, false);
        add("/people/", "id", person, true);
        add("/api/v1/people/", "id", person, true);
        add("/group/", "personId", person, true);
        add("/records/", "personId", memberPerson, true);
        add("/api/v1/orgs/{orgCode}/years/{year}/people/", "personId", memberPerson, true);
        add("/api/v1/orgs/{orgCode}/years/{year}/people/", "key", "select 'attended'", false);
        add("/accounts/", "id", "select id from org_account where username = 'clerk'", true);
        add("/orgs/", "id", XJ.substring(1, XJ.length() - 1), true);
        String day = "select min(id) from tracking_calendar_day";
        add("/tracking/calendar/", "id", day, false);
        add("/api/v1/calendar/days/", "id", day, false);
        add("/figures/", "key", "select 'sessions.collective'", false);
        add("/api/v1/orgs/{orgCode}/years/{year}/figures/", "key", "select 'sessions.collective'", false);
        add("/rules/", "key", "select 'sessions.count'", false);
        add("/api/v1/orgs/{orgCode}/years/{year}/rules/", "key", "select 'sessions.count'", false);
        add("/ledgers/", "key", "select 'sessions'", false);
        add("/api/v1/orgs/{org}/years/{year}/ledgers/", "key", "select 'sessions'", false);
        add("/", "orgCode", "select 'XJ'", true);
        add("/", "org", "select 'XJ'", true);
        add("/", "year", "select 2025", false);
    }

    private void add(String prefix, String variable, String sql, boolean scoped) {
        sources.add(new Source(prefix, variable, sql, scoped, UnaryOperator.identity()));
    }

    Filled fill(String pattern) {
        return fill(pattern, Map.of());
    }

    /**
     * Other records of the kind a pattern's only record variable names (besides organisation and year), up to
     * {@code max}, newest first: e.g. a task still open when the first one is done already. Other organisations'
     * records are not offered when the table has an {@code org_id}.
     */
    List<Filled> alternatives(String pattern, int max) {
        Matcher matcher = VARIABLE.matcher(pattern);
        List<String> names = new ArrayList<>();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!List.of("orgCode", "org", "year").contains(name)) {
                names.add(name);
            }
        }
        Filled first = fill(pattern);
        if (names.size() != 1
                || first.table() == null
                || first.id() == null
                || !first.id().matches("\\d+")) {
            return List.of();
        }
        List<Long> ids;
        try {
            ids = jdbc.sql("select id from " + first.table() + " where org_id = " + XJ + " order by id desc")
                    .query(Long.class)
                    .list();
        } catch (RuntimeException noOrgColumn) {
            ids = jdbc.sql("select id from " + first.table() + " order by id desc")
                    .query(Long.class)
                    .list();
        }
        return ids.stream()
                .filter(i -> !i.toString().equals(first.id()))
                .limit(max)
                .map(i -> fill(pattern, Map.of(names.get(0), i.toString())))
                .toList();
    }

    private Filled fill(String pattern, Map<String, String> pinned) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder url = new StringBuilder();
        boolean scoped = false;
        List<String> unresolved = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        String table = null;
        String id = null;
        while (matcher.find()) {
            String name = matcher.group(1);
            String before = pattern.substring(0, matcher.start());
            Source source = sources.stream()
                    .filter(s -> s.variable().equals(name) && before.startsWith(s.prefix()))
                    .findFirst()
                    .orElse(null);
            String value = pinned.containsKey(name) ? pinned.get(name) : source == null ? null : lookUp(source, values);
            if (value == null) {
                unresolved.add(name);
                value = "0";
            }
            scoped |= source != null && source.scoped();
            Matcher from = FROM.matcher(source == null ? "" : source.sql());
            table = from.find() ? from.group(1) : null;
            id = value;
            values.put(name, value);
            seen.add(name);
            matcher.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(url);
        return new Filled(url.toString(), scoped, unresolved, table, id);
    }

    private String lookUp(Source source, Map<String, String> values) {
        String sql = source.sql();
        boolean dependent = sql.contains(":id");
        String cacheKey = sql + (dependent ? "|" + values.get("id") : "");
        return cache.computeIfAbsent(cacheKey, k -> {
            var statement = jdbc.sql(sql);
            if (dependent) {
                statement = statement.param("id", Long.valueOf(values.getOrDefault("id", "0")));
            }
            List<Object> rows = statement.query((rs, n) -> rs.getObject(1)).list();
            return rows.isEmpty() || rows.get(0) == null
                    ? null
                    : source.then().apply(rows.get(0).toString());
        });
    }
}
