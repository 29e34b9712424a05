package cn.studyledger.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.HttpIntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 年度考核 under real parallel requests: the first changes of a year's assessment, made at the same moment, create
 * one assessment and keep every change; of several publications of the same version one wins and the others answer
 * 409 (or 422 once it is published) — never 5xx.
 */
@HttpIntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class AssessmentRaceTests {

    private static final int PARALLEL = 6;
    private static final String BASE = "/api/v1/orgs/XJ/years/2026/assessment";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void firstChangesAtOnceMakeOneAssessmentAndOnePublicationWins() throws Exception {
        List<HttpUser> clerks = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            clerks.add(HttpUser.signIn(port, "clerk", "Demo@2025"));
        }
        List<HttpResponse<String>> adjusted = race(
                clerks,
                (clerk, n) -> clerk.json(
                        "POST",
                        BASE + "/adjustments",
                        "{\"unitCode\":\"XJ-02\",\"points\":1,\"reason\":\"并发加分" + n + "\"}"));
        assertThat(adjusted)
                .allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(201));
        assertThat(jdbc.sql("select count(*) from assessment a join org_unit o on o.id = a.org_id"
                                + " where o.code = 'XJ' and a.assessment_year = 2026")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from assessment_adjustment j join assessment a on a.id = j.assessment_id"
                                + " where a.assessment_year = 2026")
                        .query(Long.class)
                        .single())
                .isEqualTo(PARALLEL);

        Matcher version = Pattern.compile("\"version\":(\\d+)")
                .matcher(clerks.get(0).get(BASE).body());
        assertThat(version.find()).isTrue();
        List<HttpResponse<String>> published =
                race(clerks, (clerk, n) -> clerk.json("POST", BASE + "/publish?version=" + version.group(1), ""));
        assertThat(published)
                .allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isIn(200, 409, 422));
        assertThat(published.stream().filter(r -> r.statusCode() == 200)).hasSize(1);
    }

    interface Call {
        HttpResponse<String> send(HttpUser user, int n) throws Exception;
    }

    private static List<HttpResponse<String>> race(List<HttpUser> users, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                HttpUser user = users.get(i);
                int n = i;
                Callable<HttpResponse<String>> task = () -> {
                    start.await();
                    return call.send(user, n);
                };
                pending.add(pool.submit(task));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : pending) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
