package cn.studyledger.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseFingerprint;
import cn.studyledger.HttpIntegrationTest;
import cn.studyledger.selfstudy.SelfStudyTotalsCheck;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Concurrent work over real HTTP against a running server, as a meeting's crowd and several clerks produce it: no
 * request answers 5xx, a lost race answers 409 with nothing of it written, independent rows (check-ins, 列席
 * attendees, speeches) never conflict with each other or with an edit of the session, and first-time defaults are
 * created once. Everything happens in an organisation of the test's own ({@link RaceFixture}), removed afterwards.
 */
@HttpIntegrationTest
@DatabaseFingerprint.AroundTheClass
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentWritesTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern CODE = Pattern.compile("id=\"typed-code\">([A-Z0-9]{6})<");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    RaceFixture fixture;
    List<HttpUser> members;
    List<HttpUser> clerks;
    final LocalDate today = LocalDate.now(ZONE);

    @BeforeAll
    void signIn() throws Exception {
        fixture = new RaceFixture(jdbc, passwords, today.getYear(), 50, 10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            members = signIn(pool, fixture.memberAccounts);
            clerks = signIn(pool, fixture.clerkAccounts);
        } finally {
            pool.shutdown();
        }
    }

    @AfterAll
    void removeFixture() {
        fixture.remove();
    }

    @Test
    void fiftyMembersCheckInToOneSessionWithinOneSecondAndAllAreCheckedIn() throws Exception {
        long session = createSession("五十人同时签到");
        long versionBefore = version(session);
        String code = HttpUser.find(
                CODE,
                clerks.get(0).get("/sessions/" + session + "/checkin-screen").body());

        List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());
        List<HttpResponse<String>> answers = all(members.size(), i -> {
            sentAt.add(System.nanoTime());
            return members.get(i).form("/checkin", Map.of("code", code));
        });

        assertThat(TimeUnit.NANOSECONDS.toMillis(Collections.max(sentAt) - Collections.min(sentAt)))
                .as("all 50 check-ins were sent within one second")
                .isLessThan(1000);
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.statusCode()).isEqualTo(200);
            assertThat(a.body()).contains("签到成功");
        });
        assertThat(jdbc.sql("select count(*) from session_attendance where session_id = ? and status = 'PRESENT'"
                                + " and check_in_method = 'QR' and check_in_at is not null")
                        .param(session)
                        .query(Long.class)
                        .single())
                .isEqualTo(50);
        assertThat(version(session))
                .as("check-ins do not bump the session's version")
                .isEqualTo(versionBefore);
    }

    @Test
    void tenSimultaneousSavesOfOneVersionGiveOneSuccessAndNineConflicts() throws Exception {
        long session = createSession("十人同时保存");
        long version = version(session);

        List<HttpResponse<String>> answers = all(
                10,
                i -> clerks.get(i)
                        .json("PUT", "/api/v1/sessions/" + session + "?version=" + version, sessionJson("保存者" + i)));

        assertThat(answers).noneMatch(a -> a.statusCode() >= 500);
        List<HttpResponse<String>> saved =
                answers.stream().filter(a -> a.statusCode() == 200).toList();
        List<HttpResponse<String>> refused =
                answers.stream().filter(a -> a.statusCode() == 409).toList();
        assertThat(saved).hasSize(1);
        assertThat(refused).hasSize(9).allSatisfy(a -> {
            assertThat(a.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(a.body()).contains("https://studyledger.cn/problems/conflict", "已被他人修改");
        });
        String winner = "保存者" + answers.indexOf(saved.get(0));
        assertThat(title(session)).isEqualTo(winner);
        assertThat(version(session)).isEqualTo(version + 1);
    }

    @Test
    void tenSimultaneousPageSavesKeepEachLosersInputOnTheConflictPage() throws Exception {
        long session = createSession("十人同时在页面保存");
        long version = version(session);

        List<HttpResponse<String>> answers = all(
                10,
                i -> clerks.get(i)
                        .form(
                                "/sessions/" + session,
                                Map.of(
                                        "version", String.valueOf(version),
                                        "title", "页面保存者" + i,
                                        "date", today.toString(),
                                        "durationHours", "3",
                                        "format", "COLLECTIVE",
                                        "agenda[0].kind", "THEORY",
                                        "agenda[0].title", "理论学习",
                                        "confirmYear", "true")));

        assertThat(answers).noneMatch(a -> a.statusCode() >= 500);
        assertThat(answers.stream().filter(a -> a.statusCode() == 302)).hasSize(1);
        for (int i = 0; i < answers.size(); i++) {
            HttpResponse<String> a = answers.get(i);
            if (a.statusCode() != 302) {
                assertThat(a.statusCode()).isEqualTo(409);
                assertThat(a.body())
                        .as("the conflict page names the conflict and keeps what this user typed")
                        .contains("已被他人修改", "您提交的内容尚未保存", "页面保存者" + i);
            }
        }
        assertThat(version(session)).isEqualTo(version + 1);
    }

    @Test
    void twelveAttendeesAddedAtOnceAreAllKeptAndTheSameOneTwiceIsOneRow() throws Exception {
        long session = createSession("十二人同时列席");
        long version = version(session);

        List<HttpResponse<String>> answers = all(
                12,
                i -> clerks.get(i % clerks.size())
                        .json("POST", "/api/v1/sessions/" + session + "/attendees/" + fixture.youth.get(i), null));
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
        assertThat(attendees(session)).isEqualTo(12);

        long again = createSession("同一人同时列席");
        List<HttpResponse<String>> twice = all(
                6,
                i -> clerks.get(i)
                        .json("POST", "/api/v1/sessions/" + again + "/attendees/" + fixture.youth.get(0), null));
        assertThat(twice).noneMatch(a -> a.statusCode() >= 500);
        assertThat(twice).allSatisfy(a -> assertThat(a.statusCode()).isIn(200, 409, 422));
        assertThat(twice).filteredOn(a -> a.statusCode() == 200).hasSize(1);
        assertThat(attendees(again)).isOne();
        assertThat(version(session))
                .as("adding attendees does not bump the session's version")
                .isEqualTo(version);
    }

    @Test
    void tenUsersFirstViewingAYearsFindingsGetOneEvaluationAndOneRuleTable() throws Exception {
        int year = 2099;
        List<HttpResponse<String>> answers = all(
                10,
                i -> clerks.get(i).json("GET", "/api/v1/orgs/" + fixture.code + "/years/" + year + "/findings", null));

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
        assertThat(jdbc.sql("select count(*) from rules_evaluation where org_id = ? and rule_year = ?")
                        .params(fixture.orgId, year)
                        .query(Long.class)
                        .single())
                .isOne();
        List<String> keys = jdbc.sql("select rule_key from rules_setting where org_id = ? and rule_year = ?")
                .params(fixture.orgId, year)
                .query(String.class)
                .list();
        assertThat(keys).isNotEmpty().doesNotHaveDuplicates();
        assertThat(jdbc.sql(
                                "select count(*) from common_audit_event where object_type = '规则检查' and object_id = ("
                                        + "select cast(id as varchar(20)) from rules_evaluation where org_id = ? and rule_year = ?)")
                        .params(fixture.orgId, year)
                        .query(Long.class)
                        .single())
                .as("one evaluation audited, not ten")
                .isOne();
    }

    @Test
    void aLeaveRequestSentFiveTimesAtOnceIsOneRequest() throws Exception {
        long session = createSession("同时五次请假");
        HttpUser member = members.get(0);

        List<HttpResponse<String>> answers = all(
                5, i -> member.json("POST", "/api/v1/sessions/" + session + "/leave", "{\"text\":\"外出开会" + i + "\"}"));

        assertThat(answers).noneMatch(a -> a.statusCode() >= 500);
        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.statusCode() != 201)
                .allSatisfy(a -> assertThat(a.body()).contains("已提交过"));
        assertThat(jdbc.sql("select count(*) from session_leave_request where session_id = ?")
                        .param(session)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void sixTwentyHourEntriesForOneDayPostedAtOnceLetOneThrough() throws Exception {
        HttpUser member = members.get(2);
        long person = fixture.members.get(2);

        List<HttpResponse<String>> answers = all(
                6,
                i -> member.json(
                        "POST",
                        "/api/v1/orgs/" + fixture.code + "/selfstudy",
                        "{\"date\":\"" + today + "\",\"hours\":20,\"content\":\"同时登记" + i + "\"}"));

        assertThat(answers).noneMatch(a -> a.statusCode() >= 500);
        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.statusCode() != 201)
                .allSatisfy(a -> assertThat(a.body()).contains("将超过每日累计24学时的上限"));
        assertThat(jdbc.sql("select sum(hours) from selfstudy_entry where person_id = ? and study_date = ?")
                        .params(person, today)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("20");
    }

    @Test
    void twelveEntriesOfOnePersonPostedAtOnceAreAllAddedToTheirYearsTotal() throws Exception {
        HttpUser member = members.get(30);
        long person = fixture.members.get(30);
        // 12 × 1.5 hours stay within the day's 24: the same person's total is upserted 12 times at once
        List<HttpResponse<String>> answers = all(
                12,
                i -> member.json(
                        "POST",
                        "/api/v1/orgs/" + fixture.code + "/selfstudy",
                        "{\"date\":\"" + today + "\",\"hours\":1.5,\"content\":\"同时登记合计" + i + "\"}"));
        // and twelve people's first entries of the year at once: twelve new totals
        List<HttpResponse<String>> others = all(
                12,
                i -> members.get(31 + i)
                        .json(
                                "POST",
                                "/api/v1/orgs/" + fixture.code + "/selfstudy",
                                "{\"date\":\"" + today + "\",\"hours\":2,\"content\":\"同时首次登记" + i + "\"}"));

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(201));
        assertThat(others).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(201));
        assertThat(jdbc.sql(
                                "select hours, entries from selfstudy_person_year_total where person_id = ? and study_year = ?")
                        .params(person, today.getYear())
                        .query((rs, n) ->
                                rs.getBigDecimal(1).stripTrailingZeros().toPlainString() + "/" + rs.getInt(2))
                        .single())
                .isEqualTo("18/12");
        SelfStudyTotalsCheck.assertEqualToTheEntries(jdbc);
    }

    @Test
    void tenClerksOpeningAYearsReportForTheFirstTimeGetOneReport() throws Exception {
        int year = 2098;
        List<HttpResponse<String>> answers = all(
                10,
                i -> clerks.get(i).json("GET", "/api/v1/orgs/" + fixture.code + "/years/" + year + "/report", null));

        assertThat(answers)
                .allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        long report = jdbc.sql("select id from report_annual_report where org_id = ? and report_year = ?")
                .params(fixture.orgId, year)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select count(*) from report_decision where report_id = ?")
                        .param(report)
                        .query(Long.class)
                        .single())
                .as("created once")
                .isOne();
        List<Integer> positions = jdbc.sql("select position from report_block where report_id = ?")
                .param(report)
                .query(Integer.class)
                .list();
        assertThat(positions).isNotEmpty().doesNotHaveDuplicates();
    }

    @Test
    void tenSessionsMarkedHeldAtOnceNeverShareANumberAndALostRaceIsA409ThatMayBeRepeated() throws Exception {
        List<Long> sessions = recorded("同时标记举行");
        int before = jdbc.sql("select coalesce(max(ordinal), 0) from session_study_session where org_id = ?")
                .param(fixture.orgId)
                .query(Integer.class)
                .single();
        List<Long> versions = sessions.stream().map(this::version).toList();

        List<HttpResponse<String>> answers = all(
                10,
                i -> clerks.get(i)
                        .json("POST", "/api/v1/sessions/" + sessions.get(i) + "/held?version=" + versions.get(i), ""));

        assertThat(answers).noneMatch(a -> a.statusCode() >= 500);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> answer = answers.get(i);
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 409);
            if (answer.statusCode() == 409) {
                assertThat(answer.body()).contains("https://studyledger.cn/problems/conflict");
                assertThat(status(sessions.get(i)))
                        .as("nothing of a lost race is saved")
                        .isEqualTo("PLANNED");
                // the loser repeats, as the clerk would after refreshing the page
                HttpResponse<String> again = clerks.get(i)
                        .json(
                                "POST",
                                "/api/v1/sessions/" + sessions.get(i) + "/held?version=" + version(sessions.get(i)),
                                "");
                assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            }
        }
        String in = sessions.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        List<Integer> ordinals = jdbc.sql("select ordinal from session_study_session where id in (" + in + ")")
                .query(Integer.class)
                .list();
        List<Integer> formatOrdinals = jdbc.sql(
                        "select format_ordinal from session_study_session where id in (" + in + ")")
                .query(Integer.class)
                .list();
        List<Integer> expected = tenAfter(before);
        assertThat(ordinals).as("ten held sessions, ten numbers").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(formatOrdinals).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void tenBriefsIssuedAtOnceNeverShareAnIssueNumberAndALostRaceIsA409ThatMayBeRepeated() throws Exception {
        List<Long> sessions = recorded("同时印发简报");
        for (long session : sessions) {
            HttpResponse<String> held =
                    clerks.get(0).json("POST", "/api/v1/sessions/" + session + "/held?version=" + version(session), "");
            assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        }
        int year = today.getYear();
        int before = jdbc.sql(
                        "select coalesce(max(issue_no), 0) from session_brief where org_id = ? and brief_year = ?")
                .params(fixture.orgId, year)
                .query(Integer.class)
                .single();

        List<HttpResponse<String>> answers = all(
                10,
                i -> clerks.get(i).json("POST", "/api/v1/sessions/" + sessions.get(i) + "/brief/issue?version=0", ""));

        assertThat(answers).noneMatch(a -> a.statusCode() >= 500);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> answer = answers.get(i);
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 409);
            if (answer.statusCode() == 409) {
                assertThat(jdbc.sql("select count(*) from session_brief where session_id = ? and status = 'ISSUED'")
                                .param(sessions.get(i))
                                .query(Long.class)
                                .single())
                        .as("nothing of a lost race is saved")
                        .isZero();
                HttpResponse<String> again = clerks.get(i)
                        .json("POST", "/api/v1/sessions/" + sessions.get(i) + "/brief/issue?version=0", "");
                assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            }
        }
        String in = sessions.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        List<Integer> numbers = jdbc.sql("select issue_no from session_brief where session_id in (" + in + ")")
                .query(Integer.class)
                .list();
        assertThat(numbers).as("ten issued briefs, ten numbers").containsExactlyInAnyOrderElementsOf(tenAfter(before));
    }

    // ---------------------------------------------------------------- helpers

    /** Ten sessions planned, each with its attendance recorded (all present), ready to be marked held. */
    List<Long> recorded(String titlePrefix) {
        List<Long> sessions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long session = createSession(titlePrefix + i);
            HttpResponse<String> recorded = clerks.get(0)
                    .json(
                            "PUT",
                            "/api/v1/sessions/" + session + "/attendance?version=" + version(session)
                                    + "&others=PRESENT",
                            "[]");
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
            sessions.add(session);
        }
        return sessions;
    }

    /** The ten numbers that follow {@code before}. */
    static List<Integer> tenAfter(int before) {
        return java.util.stream.IntStream.rangeClosed(before + 1, before + 10)
                .boxed()
                .toList();
    }

    long createSession(String title) {
        HttpResponse<String> created =
                clerks.get(0).json("POST", "/api/v1/orgs/" + fixture.code + "/sessions", sessionJson(title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Long.parseLong(HttpUser.find(ID, created.body()));
    }

    String sessionJson(String title) {
        return """
                {"title":"%s","date":"%s","durationHours":3,"format":"COLLECTIVE","place":"三楼会议室",
                 "agenda":[{"kind":"THEORY","title":"理论学习"}]}""".formatted(title, today);
    }

    long version(long session) {
        return jdbc.sql("select version from session_study_session where id = ?")
                .param(session)
                .query(Long.class)
                .single();
    }

    String status(long session) {
        return jdbc.sql("select status from session_study_session where id = ?")
                .param(session)
                .query(String.class)
                .single();
    }

    String title(long session) {
        return jdbc.sql("select title from session_study_session where id = ?")
                .param(session)
                .query(String.class)
                .single();
    }

    long attendees(long session) {
        return jdbc.sql("select count(*) from session_attendance where session_id = ? and attendee_role = 'ATTENDEE'")
                .param(session)
                .query(Long.class)
                .single();
    }

    /** Sends {@code n} requests at the same moment (each on its own thread, released together). */
    static <T> List<T> all(int n, IntCall<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call(index);
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<HttpUser> signIn(ExecutorService pool, List<String> usernames) throws Exception {
        List<Future<HttpUser>> futures = new ArrayList<>();
        for (String username : usernames) {
            futures.add(pool.submit((Callable<HttpUser>) () -> HttpUser.signIn(port, username, RaceFixture.PASSWORD)));
        }
        List<HttpUser> users = new ArrayList<>();
        for (Future<HttpUser> f : futures) {
            users.add(f.get(120, TimeUnit.SECONDS));
        }
        return users;
    }

    /** One request of a burst, given its index. */
    @FunctionalInterface
    interface IntCall<T> {
        T call(int index) throws Exception;
    }
}
