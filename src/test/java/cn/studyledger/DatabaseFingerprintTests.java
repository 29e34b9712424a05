package cn.studyledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The isolation check itself: sample tests (nested classes, which the build does not run on their own) run here on
 * the shared demo database of this context. One that leaves a row behind and one that leaves a row changed fail,
 * naming the table; one that rolls back and one whose commit is put back by a snapshot pass. This test then removes
 * what the failing samples left, so it leaves the database as it found it too.
 */
@IntegrationTest
class DatabaseFingerprintTests {

    static final String RENAMED = "指纹测试改名";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTestThatLeavesTheDatabaseChangedFailsNamingTheTableAndOneThatPutsItBackPasses() {
        long units = units();
        String name = nameOfXj01();
        Map<String, TestExecutionResult> results;
        try {
            results = run(LeavesARowBehind.class, LeavesARowChanged.class, RollsBack.class, IsPutBack.class);
        } finally {
            jdbc.sql("delete from org_unit where code like 'FP-%'").update();
            jdbc.sql("update org_unit set name = ? where code = 'XJ-01'")
                    .param(name)
                    .update();
        }

        assertThat(results).containsOnlyKeys("addsAUnit", "renamesAUnit", "addsAUnitAndRollsBack", "addsAUnitPutBack");
        assertThat(results.get("addsAUnit").getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(results.get("addsAUnit").getThrowable())
                .hasValueSatisfying(e -> assertThat(e)
                        .hasMessageStartingWith("the test left the database changed")
                        .hasMessageEndingWith("org_unit (" + units + " → " + (units + 1) + " rows)"));
        assertThat(results.get("renamesAUnit").getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(results.get("renamesAUnit").getThrowable())
                .hasValueSatisfying(e -> assertThat(e).hasMessageEndingWith("org_unit (rows changed)"));
        assertThat(results.get("addsAUnitAndRollsBack").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(results.get("addsAUnitPutBack").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(units()).isEqualTo(units);
    }

    long units() {
        return jdbc.sql("select count(*) from org_unit").query(Long.class).single();
    }

    String nameOfXj01() {
        return jdbc.sql("select name from org_unit where code = 'XJ-01'")
                .query(String.class)
                .single();
    }

    /** Runs the classes' tests and returns each test method's result by name. */
    static Map<String, TestExecutionResult> run(Class<?>... classes) {
        Map<String, TestExecutionResult> results = new HashMap<>();
        LauncherFactory.create(LauncherConfig.builder()
                        .enableLauncherSessionListenerAutoRegistration(false)
                        .enableTestExecutionListenerAutoRegistration(false)
                        .build())
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(Arrays.stream(classes)
                                        .map(c -> selectClass(c))
                                        .toList())
                                .build(),
                        new TestExecutionListener() {
                            @Override
                            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                                if (test.getSource().orElse(null) instanceof MethodSource method) {
                                    results.put(method.getMethodName(), result);
                                }
                            }
                        });
        return results;
    }

    static void addUnit(JdbcClient jdbc, String code) {
        jdbc.sql("insert into org_unit (code, name, type, path, active, version, created_at)"
                        + " values (?, '指纹测试单位', 'PARTY_GROUP', '/', true, 0, ?)")
                .params(code, LocalDateTime.now())
                .update();
    }

    @IntegrationTest
    static class LeavesARowBehind {

        @Autowired
        JdbcClient jdbc;

        @Test
        void addsAUnit() {
            addUnit(jdbc, "FP-LEFT");
        }
    }

    @IntegrationTest
    static class LeavesARowChanged {

        @Autowired
        JdbcClient jdbc;

        @Test
        void renamesAUnit() {
            jdbc.sql("update org_unit set name = ? where code = 'XJ-01'")
                    .param(RENAMED)
                    .update();
        }
    }

    @IntegrationTest
    @Transactional
    static class RollsBack {

        @Autowired
        JdbcClient jdbc;

        @Test
        void addsAUnitAndRollsBack() {
            addUnit(jdbc, "FP-ROLLED-BACK");
        }
    }

    @IntegrationTest
    @DatabaseSnapshot.RestoredAfterEachTest
    static class IsPutBack {

        @Autowired
        JdbcClient jdbc;

        @Test
        void addsAUnitPutBack() {
            addUnit(jdbc, "FP-PUT-BACK");
            jdbc.sql("update org_unit set name = ? where code = 'XJ-01'")
                    .param(RENAMED)
                    .update();
        }
    }
}
