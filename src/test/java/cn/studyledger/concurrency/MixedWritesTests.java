package cn.studyledger.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseFingerprint;
import cn.studyledger.HttpIntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * 20 clients writing at once for {@code races.seconds} seconds (default 60; {@code -Draces.seconds=10} locally):
 * 5 clerks editing three sessions of today, adding 列席 attendees and speeches, 15 members checking in to them and
 * logging self-study. Asserted: no 5xx and no answer other than success, 409 (lost race) or 422 (a business rule,
 * e.g. already checked in); every acknowledged write is in the database; the session's version moved exactly once per
 * acknowledged edit (check-ins, attendees and speeches never bump it) and its title is the last acknowledged edit's;
 * nothing of a refused write was stored.
 */
@HttpIntegrationTest
@DatabaseFingerprint.AroundTheClass
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MixedWritesTests {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");
    private static final Pattern CODE = Pattern.compile("id=\"typed-code\">([A-Z0-9]{6})<");
    private static final int CLERKS = 5;
    private static final int MEMBERS = 15;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    final LocalDate today = LocalDate.now(ConcurrentWritesTests.ZONE);
    RaceFixture fixture;
    List<HttpUser> clerks = new ArrayList<>();
    List<HttpUser> members = new ArrayList<>();

    @BeforeAll
    void signIn() throws Exception {
        fixture = new RaceFixture(jdbc, passwords, today.getYear(), MEMBERS, CLERKS);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpUser>> c = new ArrayList<>();
            fixture.clerkAccounts.forEach(
                    u -> c.add(pool.submit(() -> HttpUser.signIn(port, u, RaceFixture.PASSWORD))));
            List<Future<HttpUser>> m = new ArrayList<>();
            fixture.memberAccounts.forEach(
                    u -> m.add(pool.submit(() -> HttpUser.signIn(port, u, RaceFixture.PASSWORD))));
            for (Future<HttpUser> f : c) {
                clerks.add(f.get(120, TimeUnit.SECONDS));
            }
            for (Future<HttpUser> f : m) {
                members.add(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdown();
        }
    }

    @AfterAll
    void removeFixture() {
        fixture.remove();
    }

    /** An acknowledged edit: its title and the version the answer reported. */
    record Edit(long session, String title, long version) {}

    @Test
    void twentyClientsOfMixedWritesGetNo5xxAndLoseNothing() throws Exception {
        int seconds = Integer.getInteger("races.seconds", 60);
        List<Long> sessions = new ArrayList<>();
        Map<Long, Long> initialVersion = new ConcurrentHashMap<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> created =
                    clerks.get(0).json("POST", "/api/v1/orgs/" + fixture.code + "/sessions", sessionJson("混合写入" + i));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = Long.parseLong(HttpUser.find(ID, created.body()));
            sessions.add(id);
            initialVersion.put(id, version(id));
        }
        Map<Long, String> codes = new ConcurrentHashMap<>();
        refreshCodes(sessions, codes);

        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Queue<Edit> edits = new ConcurrentLinkedQueue<>();
        Set<String> refusedEditTitles = ConcurrentHashMap.newKeySet();
        Set<String> speeches = ConcurrentHashMap.newKeySet();
        Set<String> refusedSpeeches = ConcurrentHashMap.newKeySet();
        Set<String> attendees = ConcurrentHashMap.newKeySet();
        AtomicInteger checkIns = new AtomicInteger();
        Set<String> selfStudy = ConcurrentHashMap.newKeySet();
        Set<String> refusedSelfStudy = ConcurrentHashMap.newKeySet();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);

        ExecutorService pool = Executors.newFixedThreadPool(CLERKS + MEMBERS + 1);
        List<Future<?>> clients = new ArrayList<>();
        clients.add(pool.submit(() -> {
            while (System.nanoTime() < deadline) {
                sleep(8_000);
                refreshCodes(sessions, codes);
            }
            return null;
        }));
        for (int c = 0; c < CLERKS; c++) {
            HttpUser clerk = clerks.get(c);
            int client = c;
            clients.add(pool.submit(() -> {
                for (int n = 0; System.nanoTime() < deadline; n++) {
                    long session = sessions.get(ThreadLocalRandom.current().nextInt(sessions.size()));
                    int op = ThreadLocalRandom.current().nextInt(10);
                    requests.incrementAndGet();
                    if (op < 4) {
                        HttpResponse<String> read = clerk.json("GET", "/api/v1/sessions/" + session, null);
                        long version = Long.parseLong(HttpUser.find(VERSION, read.body()));
                        String title = "编辑" + client + "-" + n;
                        HttpResponse<String> a = clerk.json(
                                "PUT", "/api/v1/sessions/" + session + "?version=" + version, sessionJson(title));
                        if (check(a, failures, conflicts, 200)) {
                            edits.add(new Edit(session, title, Long.parseLong(HttpUser.find(VERSION, a.body()))));
                        } else {
                            refusedEditTitles.add(title);
                        }
                    } else if (op < 7) {
                        long person =
                                fixture.youth.get(ThreadLocalRandom.current().nextInt(fixture.youth.size()));
                        HttpResponse<String> a =
                                clerk.json("POST", "/api/v1/sessions/" + session + "/attendees/" + person, null);
                        if (check(a, failures, conflicts, 200)) {
                            attendees.add(session + "/" + person);
                        }
                    } else {
                        long person =
                                fixture.members.get(ThreadLocalRandom.current().nextInt(MEMBERS));
                        String title = "发言" + client + "-" + n;
                        HttpResponse<String> a = clerk.json(
                                "POST",
                                "/api/v1/sessions/" + session + "/speeches",
                                "{\"personId\":" + person + ",\"kind\":\"EXCHANGE\",\"title\":\"" + title + "\"}");
                        (check(a, failures, conflicts, 201) ? speeches : refusedSpeeches).add(title);
                    }
                }
                return null;
            }));
        }
        for (int m = 0; m < MEMBERS; m++) {
            HttpUser member = members.get(m);
            int client = m;
            clients.add(pool.submit(() -> {
                for (int n = 0; System.nanoTime() < deadline; n++) {
                    requests.incrementAndGet();
                    long session = sessions.get(ThreadLocalRandom.current().nextInt(sessions.size()));
                    if (ThreadLocalRandom.current().nextInt(4) == 0) {
                        HttpResponse<String> a =
                                member.json("POST", "/api/v1/checkin?code=" + codes.get(session), null);
                        if (check(a, failures, conflicts, 200)) {
                            checkIns.incrementAndGet();
                        }
                    } else {
                        String content = "自学" + client + "-" + n;
                        HttpResponse<String> a = member.json(
                                "POST",
                                "/api/v1/orgs/" + fixture.code + "/selfstudy",
                                "{\"date\":\"" + today + "\",\"hours\":1,\"content\":\"" + content + "\"}");
                        (check(a, failures, conflicts, 201) ? selfStudy : refusedSelfStudy).add(content);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get(seconds + 180L, TimeUnit.SECONDS);
        }
        pool.shutdown();
        System.out.printf(
                "[races] %d s, %d writes: %d edits, %d attendees, %d speeches, %d check-ins, %d self-study; %d x 409%n",
                seconds,
                requests.get(),
                edits.size(),
                attendees.size(),
                speeches.size(),
                checkIns.get(),
                selfStudy.size(),
                conflicts.get());

        assertThat(failures).as("answers other than success, 409 or 422").isEmpty();
        assertThat(edits).as("edits got through").isNotEmpty();
        assertThat(checkIns.get()).as("check-ins got through").isPositive();
        for (long session : sessions) {
            List<Edit> mine = edits.stream().filter(e -> e.session() == session).toList();
            assertThat(version(session) - initialVersion.get(session))
                    .as("the version moved once per acknowledged edit of session %d, never for its rows", session)
                    .isEqualTo(mine.size());
            mine.stream()
                    .max(java.util.Comparator.comparingLong(Edit::version))
                    .ifPresent(last -> assertThat(title(session)).isEqualTo(last.title()));
        }
        List<String> titles = jdbc.sql("select title from session_study_session where org_id = ?")
                .param(fixture.orgId)
                .query(String.class)
                .list();
        assertThat(titles).noneMatch(refusedEditTitles::contains);
        List<String> storedSpeeches = jdbc.sql("select sp.title from session_speech sp"
                        + " join session_study_session s on s.id = sp.session_id where s.org_id = ?")
                .param(fixture.orgId)
                .query(String.class)
                .list();
        assertThat(storedSpeeches).containsExactlyInAnyOrderElementsOf(speeches).noneMatch(refusedSpeeches::contains);
        List<String> storedAttendees = jdbc.sql("select a.session_id || '/' || a.person_id from session_attendance a"
                        + " join session_study_session s on s.id = a.session_id"
                        + " where s.org_id = ? and a.attendee_role = 'ATTENDEE'")
                .param(fixture.orgId)
                .query(String.class)
                .list();
        assertThat(storedAttendees).containsExactlyInAnyOrderElementsOf(attendees);
        assertThat(jdbc.sql(
                                "select count(*) from session_attendance a join session_study_session s on s.id = a.session_id"
                                        + " where s.org_id = ? and a.status = 'PRESENT' and a.check_in_method = 'QR'")
                        .param(fixture.orgId)
                        .query(Long.class)
                        .single())
                .as("every acknowledged check-in is stored, once")
                .isEqualTo(checkIns.get());
        List<String> storedSelfStudy = jdbc.sql("select content from selfstudy_entry where org_id = ?")
                .param(fixture.orgId)
                .query(String.class)
                .list();
        assertThat(storedSelfStudy).containsExactlyInAnyOrderElementsOf(selfStudy);
        assertThat(storedSelfStudy).noneMatch(refusedSelfStudy::contains);
    }

    /** True on the expected success; 409 and 422 are refusals a user can act on; anything else is a failure. */
    private static boolean check(HttpResponse<String> a, Queue<String> failures, AtomicInteger conflicts, int success) {
        if (a.statusCode() == success) {
            return true;
        }
        if (a.statusCode() == 409) {
            conflicts.incrementAndGet();
        } else if (a.statusCode() != 422) {
            failures.add(a.statusCode() + " " + a.request().method() + " "
                    + a.request().uri() + " " + a.body());
        }
        return false;
    }

    private void refreshCodes(List<Long> sessions, Map<Long, String> codes) {
        for (long session : sessions) {
            HttpResponse<String> screen = clerks.get(0).get("/sessions/" + session + "/checkin-screen");
            codes.put(session, HttpUser.find(CODE, screen.body()));
        }
    }

    private String sessionJson(String title) {
        return """
                {"title":"%s","date":"%s","durationHours":3,"format":"COLLECTIVE","place":"三楼会议室",
                 "agenda":[{"kind":"THEORY","title":"理论学习"}]}""".formatted(title, today);
    }

    private long version(long session) {
        return jdbc.sql("select version from session_study_session where id = ?")
                .param(session)
                .query(Long.class)
                .single();
    }

    private String title(long session) {
        return jdbc.sql("select title from session_study_session where id = ?")
                .param(session)
                .query(String.class)
                .single();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
