package cn.studyledger.scale;

import cn.studyledger.common.jdbc.Identities;
import cn.studyledger.selfstudy.domain.SelfStudyTotals;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Writes a province-sized installation into an empty database: one province organisation, {@code bureaus}
 * bureaus each with {@code unitsPerBureau} subordinate units, every one of them with a central group of ten
 * members, a 学习秘书 and two youth cadres, and one year of records per group — an approved plan, 24 held
 * sessions with agenda, attendance (a few leaves with make-up), speeches, first-topic items with follow-up
 * tasks, about 119 self-study entries per member, writings, online learning, material issues, supervision
 * visits of every subordinate unit, research topics with recommendations, investigations and publicity. With
 * the defaults (100 × 20) that is 2,101 groups, about 27,000 people, 50,424 sessions, 605,088 attendance rows
 * and 2,500,190 self-study entries. Deterministic for a seed. Two accounts are created for the benchmarks:
 * {@code scale-superior} (SUPERIOR of the province) and {@code scale-clerk} (CLERK of the first bureau), both
 * with the demo password {@code Demo@2025}.
 *
 * <p>Test code only: {@link ScaleData} runs it from Maven for the benchmarks, the tests build their large trees
 * with it (fewer sessions and self-study entries per group where the tree's size is what matters).
 */
public class ScaleGenerator {

    /**
     * What to generate: the tree, the year and seed, how many held sessions and self-study entries per member each
     * group gets (the benchmark's province: 24 and 119), and whether every other kind of record is written too (an
     * approved plan, writings, online learning, material issues, research and publicity; without them a group has
     * its people, sessions, self-study and supervision visits only).
     */
    public record Size(
            int bureaus,
            int unitsPerBureau,
            int year,
            long seed,
            int sessionsPerYear,
            int entriesPerMember,
            boolean everyKind) {

        public Size {
            if (sessionsPerYear < 1 || sessionsPerYear > SESSIONS_PER_YEAR) {
                throw new IllegalArgumentException("sessions per year: 1 … " + SESSIONS_PER_YEAR);
            }
            if (entriesPerMember < 0) {
                throw new IllegalArgumentException("entries per member: 0 or more");
            }
        }

        public Size(int bureaus, int unitsPerBureau, int year, long seed) {
            this(bureaus, unitsPerBureau, year, seed, SESSIONS_PER_YEAR, ENTRIES_PER_MEMBER, true);
        }

        /** A tree of this size with few records: one session and one self-study entry per member, nothing else. */
        public static Size sparse(int bureaus, int unitsPerBureau, int year, long seed) {
            return new Size(bureaus, unitsPerBureau, year, seed, 1, 1, false);
        }

        /** The number of organisations: the province, its bureaus and their units. */
        public int organisations() {
            return 1 + bureaus + bureaus * unitsPerBureau;
        }
    }

    public static final String PROVINCE_CODE = "SHENG";
    static final int MEMBERS = 10;
    static final int SESSIONS_PER_YEAR = 24;
    static final int ENTRIES_PER_MEMBER = 119;

    private static final String[] SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕".split("");
    private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰辉建国志文斌海燕晓东立新红梅".split("");
    private static final String[] FORMATS = {
        "COLLECTIVE", "DISCUSSION", "LECTURE", "ON_SITE", "WARNING", "READING_CLASS", "JOINT", "EXCHANGE", "ONLINE"
    };
    private static final String[] SECOND_AGENDA = {"THEORY", "DISCUSSION", "DOCUMENT", "RESEARCH_TOPIC"};
    private static final String[] FIELDS = {"生态环境", "交通运输", "市场监管", "农业农村", "文化旅游", "卫生健康", "应急管理", "水利"};
    private static final String[] CHANNELS = {"INTERNAL_JOURNAL", "BULLETIN_BOARD", "NEW_MEDIA", "SUPERIOR_JOURNAL"};

    private final DataSource dataSource;
    private final PasswordEncoder passwords;

    public ScaleGenerator(DataSource dataSource, PasswordEncoder passwords) {
        this.dataSource = dataSource;
        this.passwords = passwords;
    }

    /** Generates everything in one transaction; returns the rows written per table, in order of writing. */
    public Map<String, Long> generate(Size size) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                requireEmpty(c);
                Map<String, Long> counts = new Writer(c, size).run();
                // the self-study module's per-person yearly totals, from the entries just written
                SelfStudyTotals.rebuild(c);
                c.commit();
                restartIdentities(c, counts.keySet());
                return counts;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void requireEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("select (select count(*) from session_study_session)"
                        + " + (select count(*) from org_unit where code = '" + PROVINCE_CODE + "')")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("数据库中已有学习记录或规模数据，规模数据只能写入空库");
            }
        }
    }

    /** Moves every identity past the explicit ids written, so that the application's inserts do not collide. */
    private static void restartIdentities(Connection c, Iterable<String> tables) throws SQLException {
        c.setAutoCommit(true);
        List<String> withId = new ArrayList<>();
        for (String table : tables) {
            if (hasIdColumn(c, table)) {
                withId.add(table);
            }
        }
        Identities.continueAfterLargest(c, withId);
    }

    private static boolean hasIdColumn(Connection c, String table) throws SQLException {
        try (var rs = c.getMetaData().getColumns(null, null, table, "id")) {
            return rs.next();
        }
    }

    /** One generation run: id counters, the batch tables and the random source. */
    private final class Writer {

        private final Connection c;
        private final Size size;
        private final SplittableRandom random;
        private final Map<String, BatchTable> tables = new LinkedHashMap<>();
        private final Map<String, Long> nextId = new HashMap<>();
        private final LocalDate jan1;

        Writer(Connection c, Size size) {
            this.c = c;
            this.size = size;
            this.random = new SplittableRandom(size.seed());
            this.jan1 = LocalDate.of(size.year(), 1, 1);
        }

        Map<String, Long> run() throws SQLException {
            table("org_unit", true, "id", "code", "name", "type", "parent_id", "path", "business_field", "active");
            table("org_person", true, "id", "org_id", "name", "position", "youth_cadre", "expert", "active");
            table("org_membership", true, "id", "org_id", "study_year", "person_id", "role");
            table(
                    "org_account",
                    true,
                    "id",
                    "username",
                    "password_hash",
                    "person_id",
                    "org_id",
                    "enabled",
                    "failed_attempts",
                    "must_change_password");
            table("org_role_grant", false, "account_id", "role", "org_id");
            table("plan_annual_plan", true, "id", "org_id", "plan_year", "revision", "status");
            table("plan_arrangement", false, "id", "plan_id", "plan_month", "topic", "format", "lead_person_id");
            table(
                    "session_study_session",
                    true,
                    "id",
                    "org_id",
                    "session_date",
                    "start_time",
                    "duration_hours",
                    "place",
                    "format",
                    "title",
                    "presider_person_id",
                    "status",
                    "held_at",
                    "study_plan_status",
                    "ordinal_year",
                    "ordinal",
                    "format_ordinal");
            table("plan_arrangement_session", false, "arrangement_id", "session_id");
            table("session_agenda_item", false, "id", "session_id", "position", "kind", "title");
            table(
                    "session_attendance",
                    false,
                    "id",
                    "session_id",
                    "person_id",
                    "attendee_role",
                    "status",
                    "check_in_at",
                    "check_in_method",
                    "make_up_due_on",
                    "make_up_done_on",
                    "make_up_note");
            table(
                    "session_leave_request",
                    true,
                    "id",
                    "session_id",
                    "person_id",
                    "reason",
                    "status",
                    "decided_by",
                    "decided_at");
            table("session_speech", false, "id", "session_id", "person_id", "kind", "title");
            table("firsttopic_item", true, "id", "org_id", "title", "published_on", "source", "scope");
            table("firsttopic_study", false, "id", "item_id", "session_id", "agenda_item_id");
            table("firsttopic_deployment", true, "id", "org_id", "item_id", "decision", "decided_on", "session_id");
            table(
                    "firsttopic_task",
                    true,
                    "id",
                    "org_id",
                    "deployment_id",
                    "title",
                    "owner_person_id",
                    "due_on",
                    "status",
                    "evidence",
                    "done_on");
            table("selfstudy_entry", true, "id", "org_id", "person_id", "study_date", "hours", "content");
            table("selfstudy_writing", true, "id", "org_id", "person_id", "kind", "title", "written_on");
            table(
                    "selfstudy_online_learning",
                    true,
                    "id",
                    "org_id",
                    "person_id",
                    "platform",
                    "period_start",
                    "period_end",
                    "person_times",
                    "points");
            table("material_issue", true, "id", "org_id", "issue_year", "issue_no", "title", "published_on", "status");
            table(
                    "supervision_visit",
                    true,
                    "id",
                    "superior_org_id",
                    "unit_org_id",
                    "planned_on",
                    "session_title",
                    "stage",
                    "observed_on",
                    "weighted_score",
                    "summary_overall",
                    "summary_highlights",
                    "summary_problems",
                    "summarised_on",
                    "summary_due_on",
                    "closed_on");
            table(
                    "supervision_rectification",
                    true,
                    "id",
                    "visit_id",
                    "title",
                    "owner_person_id",
                    "due_on",
                    "status",
                    "evidence",
                    "done_on",
                    "closed_on",
                    "closed_by");
            table("research_topic", true, "id", "org_id", "topic_year", "title", "key_task", "lead_person_id");
            table(
                    "research_recommendation",
                    true,
                    "id",
                    "org_id",
                    "topic_id",
                    "content",
                    "proposer_person_id",
                    "proposed_on",
                    "status",
                    "measure",
                    "document_no",
                    "adopted_on",
                    "decided_on");
            table("research_investigation", true, "id", "org_id", "investigation_year", "theme", "lead_person_id");
            table("research_trip", true, "id", "org_id", "investigation_id", "trip_date", "place", "findings");
            table("research_trip_participant", false, "trip_id", "position", "person_id");
            table("research_report", true, "id", "org_id", "investigation_id", "title", "field", "chosen");
            table(
                    "outreach_publicity_item",
                    true,
                    "id",
                    "org_id",
                    "channel",
                    "column_name",
                    "title",
                    "published_on",
                    "link");

            long province = org(PROVINCE_CODE, "省委", "PARTY_COMMITTEE", null, "/", "综合");
            List<long[]> groups = new ArrayList<>();
            groups.add(new long[] {province, 0});
            List<Long> bureaus = new ArrayList<>();
            String provincePath = "/" + province + "/";
            for (int b = 1; b <= size.bureaus(); b++) {
                String code = String.format("J%03d", b);
                long bureau =
                        org(code, "第" + b + "局", "PARTY_GROUP", province, provincePath, FIELDS[b % FIELDS.length]);
                bureaus.add(bureau);
                groups.add(new long[] {bureau, 1});
                for (int u = 1; u <= size.unitsPerBureau(); u++) {
                    long unit = org(
                            code + "-" + String.format("%02d", u),
                            "第" + b + "局第" + u + "单位",
                            "PARTY_COMMITTEE",
                            bureau,
                            provincePath + bureau + "/",
                            FIELDS[(b + u) % FIELDS.length]);
                    groups.add(new long[] {unit, 2});
                }
            }
            Map<Long, long[]> people = new HashMap<>();
            for (long[] g : groups) {
                people.put(g[0], group(g[0]));
            }
            for (long[] g : groups) {
                year(g[0], people.get(g[0]));
            }
            supervise(province, bureaus, people);
            for (long bureau : bureaus) {
                supervise(bureau, children(bureau, groups), people);
            }
            accounts(province, bureaus.get(0), people);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (BatchTable t : tables.values()) {
                t.close();
                counts.put(t.name, t.rows());
            }
            return counts;
        }

        private List<Long> children(long bureau, List<long[]> groups) {
            List<Long> units = new ArrayList<>();
            boolean in = false;
            for (long[] g : groups) {
                if (g[0] == bureau) {
                    in = true;
                } else if (in && g[1] == 2) {
                    units.add(g[0]);
                } else if (in) {
                    break;
                }
            }
            return units;
        }

        private void table(String name, boolean audited, String... columns) throws SQLException {
            tables.put(name, new BatchTable(c, name, audited, columns));
            nextId.put(name, 1L + maxId(name));
        }

        private long maxId(String name) throws SQLException {
            if (!hasIdColumn(c, name)) {
                return 0;
            }
            try (Statement s = c.createStatement();
                    var rs = s.executeQuery("select coalesce(max(id), 0) from " + name)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private long id(String table) {
            return nextId.merge(table, 1L, Long::sum) - 1;
        }

        /** Adds a row; when its batch is full, flushes every table in the order registered (parents first). */
        private void add(String table, Object... values) throws SQLException {
            if (tables.get(table).add(values)) {
                for (BatchTable t : tables.values()) {
                    t.flush();
                }
            }
        }

        private long org(String code, String name, String type, Long parent, String parentPath, String field)
                throws SQLException {
            long id = id("org_unit");
            add("org_unit", id, code, name, type, parent, parentPath + id + "/", field, true);
            return id;
        }

        /** People of a group: 0 组长, 1 副组长, 2–9 成员, 10 学习秘书, 11–12 youth cadres; returns their ids. */
        private long[] group(long org) throws SQLException {
            long[] ids = new long[MEMBERS + 3];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = id("org_person");
                boolean youth = i > MEMBERS;
                String position = i == 0 ? "党组书记" : i < MEMBERS ? "班子成员" : i == MEMBERS ? "办公室主任" : "科员";
                add("org_person", ids[i], org, name(), position, youth, false, true);
                if (i <= MEMBERS) {
                    String role = i == 0 ? "LEADER" : i == 1 ? "DEPUTY" : i < MEMBERS ? "MEMBER" : "SECRETARY";
                    add("org_membership", id("org_membership"), org, size.year(), ids[i], role);
                }
            }
            return ids;
        }

        private String name() {
            return SURNAMES[random.nextInt(SURNAMES.length)]
                    + GIVEN[random.nextInt(GIVEN.length)]
                    + (random.nextInt(3) == 0 ? "" : GIVEN[random.nextInt(GIVEN.length)]);
        }

        /** One year of an organisation's study records. */
        private void year(long org, long[] people) throws SQLException {
            int year = size.year();
            Long[] arrangements = new Long[12];
            if (size.everyKind()) {
                long plan = id("plan_annual_plan");
                add("plan_annual_plan", plan, org, year, 1, "APPROVED");
                for (int m = 1; m <= 12; m++) {
                    arrangements[m - 1] = id("plan_arrangement");
                    add(
                            "plan_arrangement",
                            arrangements[m - 1],
                            plan,
                            m,
                            m + "月专题学习",
                            FORMATS[m % FORMATS.length],
                            people[0]);
                }
            }
            int offset = (int) (org % 5);
            for (int n = 0; n < size.sessionsPerYear(); n++) {
                int month = n / 2 + 1;
                LocalDate date = LocalDate.of(year, month, n % 2 == 0 ? 6 + offset : 20 + offset);
                session(org, people, n, date, n % 2 == 0 ? arrangements[month - 1] : null);
            }
            for (int m = 0; m < MEMBERS; m++) {
                for (int e = 0; e < size.entriesPerMember(); e++) {
                    LocalDate day = jan1.plusDays(random.nextInt(365));
                    BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(6)).divide(BigDecimal.valueOf(2));
                    add("selfstudy_entry", id("selfstudy_entry"), org, people[m], day, hours, "自学《习近平谈治国理政》有关篇目");
                }
            }
            if (!size.everyKind()) {
                return;
            }
            for (int m = 0; m < MEMBERS; m++) {
                add(
                        "selfstudy_writing",
                        id("selfstudy_writing"),
                        org,
                        people[m],
                        "EXPERIENCE",
                        "学习心得体会",
                        jan1.plusDays(100 + m));
                add(
                        "selfstudy_writing",
                        id("selfstudy_writing"),
                        org,
                        people[m],
                        "RESEARCH_REPORT",
                        "调研报告",
                        jan1.plusDays(200 + m));
                for (int q = 0; q < 4; q++) {
                    LocalDate start = jan1.plusMonths(3L * q);
                    add(
                            "selfstudy_online_learning",
                            id("selfstudy_online_learning"),
                            org,
                            people[m],
                            "学习强国",
                            start,
                            start.plusMonths(3).minusDays(1),
                            20 + random.nextInt(40),
                            100 + random.nextInt(400));
                }
            }
            for (int i = 1; i <= 6; i++) {
                add(
                        "material_issue",
                        id("material_issue"),
                        org,
                        year,
                        i,
                        "专题学习资料",
                        jan1.plusMonths(2L * i - 1),
                        "PUBLISHED");
            }
            research(org, people);
            for (int i = 0; i < 10; i++) {
                add(
                        "outreach_publicity_item",
                        id("outreach_publicity_item"),
                        org,
                        CHANNELS[i % CHANNELS.length],
                        "理论学习",
                        "中心组学习动态",
                        jan1.plusDays(30L * i + 5),
                        "https://example.org/news/" + org + "-" + i);
            }
        }

        private void session(long org, long[] people, int n, LocalDate date, Long arrangement) throws SQLException {
            long session = id("session_study_session");
            String format = FORMATS[n % FORMATS.length];
            add(
                    "session_study_session",
                    session,
                    org,
                    date,
                    LocalTime.of(9, 0),
                    new BigDecimal("3.0"),
                    "机关会议室",
                    format,
                    "理论学习中心组第" + (n + 1) + "次集体学习",
                    people[0],
                    "HELD",
                    Timestamp.valueOf(date.atTime(12, 0)),
                    "APPROVED",
                    // numbered as the application numbers held sessions: in date order, overall and per format
                    date.getYear(),
                    n + 1,
                    n / FORMATS.length + 1);
            if (arrangement != null) {
                add("plan_arrangement_session", arrangement, session);
            }
            long firstTopic = id("session_agenda_item");
            add("session_agenda_item", firstTopic, session, 1, "FIRST_TOPIC", "传达学习习近平总书记重要讲话精神");
            add(
                    "session_agenda_item",
                    id("session_agenda_item"),
                    session,
                    2,
                    SECOND_AGENDA[n % SECOND_AGENDA.length],
                    "围绕年度学习专题开展研讨");
            long item = id("firsttopic_item");
            add(
                    "firsttopic_item",
                    item,
                    org,
                    "习近平总书记重要讲话精神（第" + (n + 1) + "项）",
                    date.minusDays(5 + random.nextInt(20)),
                    "人民日报",
                    "PUBLIC");
            add("firsttopic_study", id("firsttopic_study"), item, session, firstTopic);
            if (n % 2 == 0) {
                long deployment = id("firsttopic_deployment");
                add("firsttopic_deployment", deployment, org, item, "结合职责抓好贯彻落实", date, session);
                for (int t = 0; t < 2; t++) {
                    LocalDate due = date.plusDays(30);
                    boolean done = random.nextInt(10) > 0;
                    add(
                            "firsttopic_task",
                            id("firsttopic_task"),
                            org,
                            deployment,
                            "制定贯彻落实措施",
                            people[2 + t],
                            due,
                            done ? "DONE" : "OPEN",
                            done ? "已印发工作方案" : null,
                            done ? due.minusDays(3) : null);
                }
            }
            Timestamp checkIn = Timestamp.valueOf(date.atTime(8, 50));
            for (int p = 0; p < MEMBERS; p++) {
                int roll = random.nextInt(100);
                String status = roll < 3 ? "LEAVE" : roll < 4 ? "ABSENT" : "PRESENT";
                boolean present = status.equals("PRESENT");
                boolean leave = status.equals("LEAVE");
                add(
                        "session_attendance",
                        id("session_attendance"),
                        session,
                        people[p],
                        "MEMBER",
                        status,
                        present ? checkIn : null,
                        present ? "QR" : null,
                        leave ? date.plusDays(30) : null,
                        leave ? date.plusDays(7) : null,
                        leave ? "补学会议内容并提交心得" : null);
                if (leave) {
                    add(
                            "session_leave_request",
                            id("session_leave_request"),
                            session,
                            people[p],
                            "公务出差",
                            "APPROVED",
                            "scale",
                            Timestamp.valueOf(date.minusDays(1).atStartOfDay()));
                }
            }
            for (int y = MEMBERS + 1; y < people.length; y++) {
                add(
                        "session_attendance",
                        id("session_attendance"),
                        session,
                        people[y],
                        "ATTENDEE",
                        "PRESENT",
                        checkIn,
                        "QR",
                        null,
                        null,
                        null);
            }
            add("session_speech", id("session_speech"), session, people[(2 * n) % MEMBERS], "KEY", "重点发言");
            add("session_speech", id("session_speech"), session, people[(2 * n + 1) % MEMBERS], "KEY", "重点发言");
            add("session_speech", id("session_speech"), session, people[MEMBERS + 1 + n % 2], "EXCHANGE", "交流发言");
        }

        private void research(long org, long[] people) throws SQLException {
            int year = size.year();
            for (int t = 0; t < 3; t++) {
                long topic = id("research_topic");
                add("research_topic", topic, org, year, "重点课题" + (t + 1), "年度重点任务", people[t]);
                for (int r = 0; r < 3; r++) {
                    LocalDate proposed = jan1.plusDays(60L + 90L * t + r);
                    boolean adopted = random.nextBoolean();
                    add(
                            "research_recommendation",
                            id("research_recommendation"),
                            org,
                            topic,
                            "关于完善工作机制的对策建议",
                            people[t + r],
                            proposed,
                            adopted ? "ADOPTED" : "PROPOSED",
                            adopted ? "纳入年度工作要点" : null,
                            adopted ? "发〔" + year + "〕" + (t * 3 + r + 1) + "号" : null,
                            adopted ? proposed.plusDays(20) : null,
                            adopted ? proposed.plusDays(20) : null);
                }
            }
            for (int i = 0; i < 2; i++) {
                long investigation = id("research_investigation");
                add("research_investigation", investigation, org, year, "基层调研主题" + (i + 1), people[i]);
                for (int t = 0; t < 3; t++) {
                    long trip = id("research_trip");
                    add(
                            "research_trip",
                            trip,
                            org,
                            investigation,
                            jan1.plusDays(120L + 60L * i + 7L * t),
                            "基层站所",
                            "了解基层实际情况");
                    add("research_trip_participant", trip, 1, people[i]);
                    add("research_trip_participant", trip, 2, people[MEMBERS + 1]);
                }
                add("research_report", id("research_report"), org, investigation, "调研报告" + (i + 1), FIELDS[i], i == 0);
            }
        }

        /** Visits of every subordinate unit by its superior's observers, completed, with one closed rectification. */
        private void supervise(long superior, List<Long> units, Map<Long, long[]> people) throws SQLException {
            int k = 0;
            for (long unit : units) {
                LocalDate planned = jan1.plusDays(30L + (k++ * 11L) % 300);
                long visit = id("supervision_visit");
                add(
                        "supervision_visit",
                        visit,
                        superior,
                        unit,
                        planned,
                        "理论学习中心组集体学习",
                        "CLOSED",
                        planned,
                        new BigDecimal("88.5"),
                        "学习组织规范",
                        "研讨深入",
                        "联系实际不够",
                        planned.plusDays(8),
                        planned.plusDays(14),
                        planned.plusDays(40));
                add(
                        "supervision_rectification",
                        id("supervision_rectification"),
                        visit,
                        "加强学习成果转化",
                        people.get(unit)[MEMBERS],
                        planned.plusDays(30),
                        "DONE",
                        "已整改",
                        planned.plusDays(25),
                        planned.plusDays(28),
                        "scale");
            }
        }

        private void accounts(long province, long bureau, Map<Long, long[]> people) throws SQLException {
            String hash = passwords.encode("Demo@2025");
            long superior = id("org_account");
            add(
                    "org_account",
                    superior,
                    "scale-superior",
                    hash,
                    people.get(province)[MEMBERS],
                    province,
                    true,
                    0,
                    false);
            add("org_role_grant", superior, "SUPERIOR", province);
            long clerk = id("org_account");
            add("org_account", clerk, "scale-clerk", hash, people.get(bureau)[MEMBERS], bureau, true, 0, false);
            add("org_role_grant", clerk, "CLERK", bureau);
        }
    }
}
