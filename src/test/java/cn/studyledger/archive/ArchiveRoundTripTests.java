package cn.studyledger.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.Logins;
import cn.studyledger.StudyLedgerApplication;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.selfstudy.SelfStudyTotalsCheck;
import cn.studyledger.selfstudy.domain.SelfStudyTotals;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * XJ's 2025 archive exported from the demo installation and restored into a second, empty installation (its own
 * in-memory database and files folder, no demo data, only the first administrator), compared row by row and file
 * by file; broken, foreign or dangerous archives are refused there without a single row written.
 */
@Transactional
abstract class ArchiveRoundTripTests {

    /** The empty installation of the running test class (one per class, closed after it). */
    private static ConfigurableApplicationContext empty;

    /** Command-line arguments pointing the empty installation at a fresh, empty database. */
    abstract List<String> emptyDatabase();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FileStore files;

    private final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void closeEmptyInstallation() {
        if (empty != null) {
            empty.close();
            empty = null;
        }
    }

    @Test
    void archiveRestoredIntoAnEmptyInstallationEqualsTheOriginalFieldByField() throws Exception {
        byte[] archive = Downloads.fetch(mvc, get("/archive/2025.zip").with(Logins.as(accounts, "clerk")));
        Map<String, byte[]> entries = unzip(archive);
        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("format").asString()).isEqualTo("studyledger-archive");
        assertThat(manifest.get("orgCode").asString()).isEqualTo("XJ");
        List<String> tables = new ArrayList<>();
        manifest.get("tables").forEach(t -> tables.add(t.asString()));
        assertThat(tables)
                .contains(
                        "org_unit",
                        "org_person",
                        "org_membership",
                        "common_stored_file",
                        "session_study_session",
                        "session_attendance",
                        "plan_annual_plan",
                        "firsttopic_task",
                        "selfstudy_writing",
                        "supervision_visit",
                        "research_score",
                        "outreach_publicity_item")
                .contains("report_template")
                .doesNotContain(
                        "org_account",
                        "org_role_grant",
                        "common_audit_event",
                        "flyway_schema_history",
                        "spring_session",
                        "spring_session_attributes",
                        "shedlock");
        // accounts, grants and secrets stay home: no password hash, no check-in key anywhere in the archive
        ArchiveContents.assertNoCredentials(entries, jdbc);
        assertThat(entries.keySet()).anyMatch(n -> n.startsWith("ledgers/")).anyMatch(n -> n.startsWith("files/"));

        ConfigurableApplicationContext target = emptyInstallation();
        JdbcClient targetJdbc = target.getBean(JdbcClient.class);
        MockMvc targetMvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) target)
                .apply(springSecurity())
                .build();
        // the first administrator has changed the set-up password (else every page asks for that first)
        targetJdbc.sql("update org_account set must_change_password = false").update();
        UserDetailsService targetAccounts = target.getBean(UserDetailsService.class);

        refused(targetMvc, targetAccounts, targetJdbc, "not a zip".getBytes(StandardCharsets.UTF_8), "不是有效的 ZIP");
        refused(
                targetMvc,
                targetAccounts,
                targetJdbc,
                rezip(entries, m -> {
                    m.remove("manifest.json");
                    return m;
                }),
                "缺少清单");
        refused(
                targetMvc,
                targetAccounts,
                targetJdbc,
                rezip(entries, m -> {
                    ObjectNode foreign = (ObjectNode) json.readTree(m.get("manifest.json"));
                    foreign.put("format", "other-system-backup");
                    m.put("manifest.json", json.writeValueAsBytes(foreign));
                    return m;
                }),
                "不是本系统的年度归档格式");
        refused(
                targetMvc,
                targetAccounts,
                targetJdbc,
                rezip(entries, m -> {
                    byte[] data = m.get("data/session_study_session.jsonl").clone();
                    data[data.length - 3] = (byte) (data[data.length - 3] == 'x' ? 'y' : 'x');
                    m.put("data/session_study_session.jsonl", data);
                    return m;
                }),
                "校验值");
        refused(
                targetMvc,
                targetAccounts,
                targetJdbc,
                rezip(entries, m -> {
                    m.put("files/../../evil.txt", "pwned".getBytes(StandardCharsets.UTF_8));
                    return m;
                }),
                "不安全");
        refused(
                targetMvc,
                targetAccounts,
                targetJdbc,
                rezip(entries, m -> {
                    m.put("data/bomb.jsonl", new byte[64 * 1024 * 1024]);
                    ObjectNode listed = (ObjectNode) json.readTree(m.get("manifest.json"));
                    ObjectNode entry = ((tools.jackson.databind.node.ArrayNode) listed.get("entries")).insertObject(0);
                    entry.put("name", "data/bomb.jsonl");
                    entry.put("size", 64 * 1024 * 1024);
                    entry.put("sha256", "0".repeat(64));
                    m.put("manifest.json", json.writeValueAsBytes(listed));
                    return m;
                }),
                "压缩比异常");

        // an archive re-signed (checksums recomputed) after planting an administrator with a known password, its
        // roles, or a session's check-in key is refused before a single row is written
        refused(
                targetMvc,
                targetAccounts,
                targetJdbc,
                ArchiveContents.planted(entries, "org_account", ArchiveContents.plantedAccount(), true),
                "年度归档不包含的数据：org_account");
        refused(
                targetMvc,
                targetAccounts,
                targetJdbc,
                ArchiveContents.planted(entries, "org_role_grant", ArchiveContents.plantedGrants(), false),
                "年度归档不包含的数据：data/org_role_grant.jsonl");
        refused(
                targetMvc,
                targetAccounts,
                targetJdbc,
                ArchiveContents.planted(entries, "session_study_session", withCheckInKey(entries), true),
                "清单中的数据表重复");
        refused(
                targetMvc,
                targetAccounts,
                targetJdbc,
                ArchiveContents.resigned(
                        withEntry(entries, "data/session_study_session.jsonl", withCheckInKey(entries)),
                        (ObjectNode) json.readTree(entries.get("manifest.json"))),
                "含有不归档的保密字段：checkin_secret");

        var imported = targetMvc
                .perform(multipart("/archive/import")
                        .file(new MockMultipartFile("file", "xj-2025.zip", "application/zip", archive))
                        .with(Logins.as(targetAccounts, "admin"))
                        .with(csrf().asHeader()))
                .andReturn()
                .getResponse();
        assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(302);

        Object xj = jdbc.sql("select id from org_unit where code = 'XJ'")
                .query(Long.class)
                .single();
        for (String table : tables) {
            // the archived columns (secret ones, such as a session's check-in key, are not carried)
            String columns = String.join(", ", ArchiveContents.columns(entries, table));
            List<Map<String, Object>> before = jdbc.sql("select " + columns + " from " + table + " order by " + columns)
                    .query()
                    .listOfRows();
            List<Map<String, Object>> after = targetJdbc
                    .sql("select " + columns + " from " + table + " order by " + columns)
                    .query()
                    .listOfRows();
            // the shared test context also holds rows the archive rightly leaves out (records of other
            // organisations, files no archived record refers to), so: every restored row is a source row field by
            // field, as many as the archive carries, and none of XJ's own rows is lost
            assertThat(after).as(table).hasSize(dataLines(entries, table));
            assertThat(before).as(table).containsAll(after);
            // a row of XJ: one of its organisation columns names XJ (a visit: the visiting organisation)
            Predicate<Map<String, Object>> ofXj = r -> r.entrySet().stream()
                    .anyMatch(e ->
                            (e.getKey().equals("org_id") || e.getKey().endsWith("_org_id")) && xj.equals(e.getValue()));
            assertThat(after.stream().filter(ofXj).toList())
                    .as(table + " rows of XJ")
                    .isEqualTo(before.stream().filter(ofXj).toList());
        }
        // the per-person yearly self-study totals are not in the archive: rebuilt from the restored entries
        assertThat(tables).doesNotContain(SelfStudyTotals.TABLE);
        assertThat(SelfStudyTotalsCheck.kept(targetJdbc)).isNotEmpty();
        SelfStudyTotalsCheck.assertEqualToTheEntries(targetJdbc);
        // accounts are not restored: the installation's administrator only, created afresh by the set-up
        assertThat(targetJdbc
                        .sql("select username from org_account")
                        .query(String.class)
                        .list())
                .containsExactly("admin");
        assertThat(targetJdbc
                        .sql("select role from org_role_grant")
                        .query(String.class)
                        .list())
                .containsExactly("SYS_ADMIN");
        FileStore targetFiles = target.getBean(FileStore.class);
        // the files the archive carries (the source also holds files of other tests no archived record refers to)
        List<Long> fileIds = targetJdbc
                .sql("select id from common_stored_file")
                .query(Long.class)
                .list();
        assertThat(fileIds).isNotEmpty().hasSize((int)
                entries.keySet().stream().filter(n -> n.startsWith("files/")).count());
        for (long id : fileIds) {
            try (InputStream a = files.open(id);
                    InputStream b = targetFiles.open(id)) {
                assertThat(b.readAllBytes()).as("file " + id).isEqualTo(a.readAllBytes());
            }
        }
        assertThat(targetJdbc
                        .sql("select count(*) from common_audit_event where object_type = '年度归档导入'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // a second import into the now filled installation is refused
        targetMvc
                .perform(multipart("/archive/import")
                        .file(new MockMultipartFile("file", "xj-2025.zip", "application/zip", archive))
                        .with(Logins.as(targetAccounts, "admin"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("只能导入到空的系统中")));
    }

    @Test
    void importIntoAnInstallationWithDataIsRefusedAndOnlyTheAdministratorMayImport() throws Exception {
        byte[] archive = Downloads.fetch(mvc, get("/archive/2025.zip").with(Logins.as(accounts, "clerk")));
        long sessions = jdbc.sql("select count(*) from session_study_session")
                .query(Long.class)
                .single();
        mvc.perform(multipart("/archive/import")
                        .file(new MockMultipartFile("file", "xj.zip", "application/zip", archive))
                        .with(Logins.as(accounts, "admin"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString("只能导入到空的系统中")));
        assertThat(jdbc.sql("select count(*) from session_study_session")
                        .query(Long.class)
                        .single())
                .isEqualTo(sessions);
        mvc.perform(multipart("/archive/import")
                        .file(new MockMultipartFile("file", "xj.zip", "application/zip", archive))
                        .with(Logins.as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        // the page exports the working organisation (XJ-01 for unitclerk); XJ's archive is out of its sight
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/archive.zip").with(Logins.as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/archive/2025.zip").with(Logins.as(accounts, "member")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/archive").with(Logins.as(accounts, "member"))).andExpect(status().isForbidden());
        mvc.perform(get("/archive").with(Logins.as(accounts, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-confirm")));
    }

    @Test
    void submissionPackHoldsRosterPlanAndLastYearsReportOrSaysWhatIsMissing() throws Exception {
        Map<String, byte[]> pack =
                unzip(Downloads.fetch(mvc, get("/archive/pack/2025.zip").with(Logins.as(accounts, "clerk"))));
        assertThat(pack.keySet())
                .anyMatch(n -> n.endsWith("成员名册.xlsx"))
                .anyMatch(n -> n.endsWith("2025年度学习计划.docx"))
                .anyMatch(n -> n.endsWith("2024年度学习情况报告.docx"))
                .contains("说明.txt");
        byte[] roster = pack.entrySet().stream()
                .filter(e -> e.getKey().endsWith(".xlsx"))
                .findFirst()
                .orElseThrow()
                .getValue();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(roster))) {
            long group = jdbc.sql("select count(*) from org_membership m join org_unit o on o.id = m.org_id"
                            + " where o.code = 'XJ' and m.study_year = 2025")
                    .query(Long.class)
                    .single();
            assertThat(workbook.getFirstSheet().read()).hasSize(1 + (int) group);
        }
        // a year without an approved plan (other tests in the shared context make plans for later years)
        int noPlanYear = java.util.stream.IntStream.rangeClosed(2060, 2099)
                .filter(y -> jdbc.sql("select count(*) from plan_annual_plan p join org_unit o on o.id = p.org_id"
                                        + " where o.code = 'XJ' and p.plan_year = :y and p.status = 'APPROVED'")
                                .param("y", y)
                                .query(Long.class)
                                .single()
                        == 0)
                .findFirst()
                .orElseThrow();
        Map<String, byte[]> noPlan = unzip(
                Downloads.fetch(mvc, get("/archive/pack/" + noPlanYear + ".zip").with(Logins.as(accounts, "clerk"))));
        assertThat(noPlan.keySet()).noneMatch(n -> n.endsWith("学习计划.docx"));
        assertThat(new String(noPlan.get("说明.txt"), StandardCharsets.UTF_8)).contains("学习计划尚未经组长审定");
    }

    /** The sessions' data with the check-in key column put back, each row with a key the planter knows. */
    private static String withCheckInKey(Map<String, byte[]> entries) {
        List<String> lines = new String(entries.get("data/session_study_session.jsonl"), StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
        StringBuilder data =
                new StringBuilder(lines.get(0).replace("]}", ",{\"name\":\"checkin_secret\",\"type\":\"VARCHAR\"}]}"));
        for (String line : lines.subList(1, lines.size())) {
            data.append('\n').append(line, 0, line.length() - 1).append(",\"known-key\"]");
        }
        return data.append('\n').toString();
    }

    private static Map<String, byte[]> withEntry(Map<String, byte[]> entries, String name, String data) {
        Map<String, byte[]> changed = new LinkedHashMap<>(entries);
        changed.put(name, data.getBytes(StandardCharsets.UTF_8));
        return changed;
    }

    private void refused(
            MockMvc target, UserDetailsService targetAccounts, JdbcClient targetJdbc, byte[] zip, String message)
            throws Exception {
        target.perform(multipart("/archive/import")
                        .file(new MockMultipartFile("file", "bad.zip", "application/zip", zip))
                        .with(Logins.as(targetAccounts, "admin"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(Matchers.containsString(message)));
        assertThat(targetJdbc
                        .sql("select count(*) from org_unit")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(targetJdbc
                        .sql("select count(*) from org_person")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(targetJdbc
                        .sql("select count(*) from session_study_session")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(targetJdbc
                        .sql("select count(*) from common_stored_file")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(targetJdbc
                        .sql("select username from org_account")
                        .query(String.class)
                        .list())
                .containsExactly("admin");
        assertThat(targetJdbc
                        .sql("select count(*) from org_role_grant")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private ConfigurableApplicationContext emptyInstallation() {
        if (empty == null) {
            String id = UUID.randomUUID().toString();
            List<String> args = new ArrayList<>(List.of(
                    "--server.port=0",
                    "--ledger.files.dir=./target/restore-files-" + id,
                    "--LEDGER_ROOT_ORG_CODE=ROOT",
                    "--LEDGER_ROOT_ORG_NAME=新安装",
                    "--LEDGER_ADMIN_USERNAME=admin",
                    "--LEDGER_ADMIN_PASSWORD=Restore@2026ledger"));
            args.addAll(emptyDatabase());
            empty = new SpringApplicationBuilder(StudyLedgerApplication.class)
                    .profiles("test")
                    // command-line arguments: they outrank application-test.yml, unlike default properties
                    .run(args.toArray(String[]::new));
        }
        return empty;
    }

    /** The rows the archive carries for a table: the lines of its data file after the header line of types. */
    private static int dataLines(Map<String, byte[]> entries, String table) {
        byte[] data = entries.get("data/" + table + ".jsonl");
        return data == null
                ? 0
                : (int) new String(data, StandardCharsets.UTF_8)
                                .lines()
                                .filter(l -> !l.isBlank())
                                .count()
                        - 1;
    }

    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        return ArchiveContents.unzip(zip);
    }

    @FunctionalInterface
    interface Change {
        Map<String, byte[]> apply(Map<String, byte[]> entries) throws Exception;
    }

    static byte[] rezip(Map<String, byte[]> original, Change change) throws Exception {
        return ArchiveContents.zip(change.apply(new LinkedHashMap<>(original)));
    }
}
