package cn.studyledger.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.studyledger.IntegrationTest;
import cn.studyledger.Logins;
import cn.studyledger.StudyLedgerApplication;
import cn.studyledger.archive.domain.ArchiveImporter;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.files.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.WebApplicationContext;

/**
 * An archive import that breaks off in the middle of writing rows (the database refuses the first row of
 * {@code outreach_publicity_item}, a table restored after the organisations, people, sessions and the stored
 * files, whose attachments have been copied by then) leaves nothing behind: no row of the archive, no copied
 * file, and the administrator reads "归档未导入：…". A process killed at that point leaves an uncommitted
 * transaction, which the database discards the same way; the files are staged beside the files folder and moved
 * in only after the commit, removed by the rollback, and swept at the next start after a kill.
 * Once the cause is gone the same archive imports, which proves the installation was left empty.
 */
@IntegrationTest
@Transactional
class ArchiveImportInterruptedMidwayTests {

    private static ConfigurableApplicationContext empty;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @AfterAll
    static void closeEmptyInstallation() {
        if (empty != null) {
            empty.close();
            empty = null;
        }
    }

    @Test
    void importFailingHalfWayLeavesNoRowAndNoFileAndSaysTheArchiveWasNotImported() throws Exception {
        byte[] archive = Downloads.fetch(mvc, get("/archive/2025.zip").with(Logins.as(accounts, "clerk")));
        Map<String, byte[]> entries = ArchiveRoundTripTests.unzip(archive);
        assertThat(entries).containsKey("data/outreach_publicity_item.jsonl");
        assertThat(entries.keySet()).anyMatch(n -> n.startsWith("files/"));

        String filesDir = "./target/restore-files-" + UUID.randomUUID();
        emptyInstallation(filesDir);
        JdbcClient target = empty.getBean(JdbcClient.class);
        target.sql("update org_account set must_change_password = false").update();
        UserDetailsService targetAccounts = empty.getBean(UserDetailsService.class);
        MockMvc targetMvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) empty)
                .apply(springSecurity())
                .build();
        target.sql("create trigger archive_import_fails_midway before insert on outreach_publicity_item"
                        + " for each row call '" + AlwaysFailingInsertTrigger.class.getName() + "'")
                .update();

        MockHttpServletResponse page = targetMvc
                .perform(multipart("/archive/import")
                        .file(new MockMultipartFile("file", "xj-2025.zip", "application/zip", archive))
                        .with(Logins.as(targetAccounts, "admin"))
                        .with(csrf().asHeader()))
                .andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(422);
        assertThat(page.getContentAsString()).contains("归档未导入：写入数据失败，已全部撤销");
        assertNothingRestored(target, filesDir);

        // the service's own message, as the page shows it
        UserDetails admin = targetAccounts.loadUserByUsername("admin");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        try {
            ArchiveImporter importer = empty.getBean(ArchiveImporter.class);
            assertThatThrownBy(() -> importer.importArchive(
                            new MockMultipartFile("file", "xj-2025.zip", "application/zip", archive)))
                    .isInstanceOf(BusinessRuleException.class)
                    .message()
                    .startsWith("归档未导入：")
                    .contains(AlwaysFailingInsertTrigger.MESSAGE);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertNothingRestored(target, filesDir);

        target.sql("drop trigger archive_import_fails_midway").update();
        MockHttpServletResponse retried = targetMvc
                .perform(multipart("/archive/import")
                        .file(new MockMultipartFile("file", "xj-2025.zip", "application/zip", archive))
                        .with(Logins.as(targetAccounts, "admin"))
                        .with(csrf().asHeader()))
                .andReturn()
                .getResponse();
        assertThat(retried.getStatus()).as(retried.getContentAsString()).isEqualTo(302);
        assertThat(count(target, "outreach_publicity_item")).isPositive();
        assertThat(regularFiles(filesDir)).hasSize((int)
                entries.keySet().stream().filter(n -> n.startsWith("files/")).count());
        assertThat(regularFiles(filesDir + ".staging"))
                .as("staged files after the commit")
                .isEmpty();
    }

    /**
     * A process killed during an import leaves its staged files in the staging folder (never in the files
     * folder); the next start deletes them, except a file whose row was committed before the kill, which it
     * moves into place. A folder younger than the grace period may belong to an import still running elsewhere.
     */
    @Test
    void startUpSweepsWhatAKilledImportLeftInTheStagingFolder() throws Exception {
        String filesDir = "./target/sweep-files-" + UUID.randomUUID();
        Path files = Path.of(filesDir).toAbsolutePath().normalize();
        Path staging = files.resolveSibling(files.getFileName() + ".staging");
        Path killed = Files.createDirectories(staging.resolve("restore-killed"));
        Path uncommitted = Files.writeString(killed.resolve(UUID.randomUUID() + ".pdf"), "%PDF-1.4 staged");
        String committedName = UUID.randomUUID() + ".pdf";
        Files.writeString(killed.resolve(committedName), "%PDF-1.4 committed");
        Path running = Files.createDirectories(staging.resolve("restore-running"));
        Path young = Files.writeString(running.resolve(UUID.randomUUID() + ".pdf"), "%PDF-1.4 in progress");
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        JdbcClient jdbc = emptyInstallation(filesDir).getBean(JdbcClient.class);
        FileStore store = empty.getBean(FileStore.class);
        assertThat(store.stagingRoot()).isEqualTo(staging);
        assertThat(uncommitted).as("swept at start-up").doesNotExist();
        assertThat(files.resolve(committedName)).as("no row refers to it yet").doesNotExist();
        // the start-up sweep ran before the committed row existed; the row is committed now, as if the kill came
        // after the commit and before the move, and the folder is old again for the next start
        jdbc.sql("insert into common_stored_file (stored_name, original_name, content_type, size_bytes, sha256,"
                        + " uploaded_at, uploaded_by) values (?, 'a.pdf', 'application/pdf', 18, ?, current_timestamp,"
                        + " 'test')")
                .params(committedName, "0".repeat(64))
                .update();
        Files.createDirectories(killed);
        Files.writeString(killed.resolve(committedName), "%PDF-1.4 committed");
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        store.sweepStaging();

        assertThat(killed).doesNotExist();
        assertThat(files.resolve(committedName)).hasContent("%PDF-1.4 committed");
        assertThat(young).as("a folder younger than ledger.files.staging-grace").exists();
    }

    private static ConfigurableApplicationContext emptyInstallation(String filesDir) {
        if (empty != null) {
            empty.close();
        }
        empty = new SpringApplicationBuilder(StudyLedgerApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--ledger.files.dir=" + filesDir,
                        "--LEDGER_ROOT_ORG_CODE=ROOT",
                        "--LEDGER_ROOT_ORG_NAME=新安装",
                        "--LEDGER_ADMIN_USERNAME=admin",
                        "--LEDGER_ADMIN_PASSWORD=Restore@2026ledger",
                        "--spring.datasource.url=jdbc:h2:mem:interrupted-" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        return empty;
    }

    private static void assertNothingRestored(JdbcClient target, String filesDir) throws Exception {
        // what the fresh installation held before: its root organisation and the first administrator
        assertThat(count(target, "org_unit")).isEqualTo(1);
        for (String table : List.of(
                "org_person",
                "org_membership",
                "session_study_session",
                "session_attendance",
                "common_stored_file",
                "plan_annual_plan",
                "selfstudy_writing",
                "outreach_publicity_item")) {
            assertThat(count(target, table)).as(table).isZero();
        }
        assertThat(target.sql("select count(*) from common_audit_event where object_type = '年度归档导入'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(regularFiles(filesDir)).as("files copied before the failure").isEmpty();
        assertThat(regularFiles(filesDir + ".staging"))
                .as("files staged before the failure")
                .isEmpty();
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static List<Path> regularFiles(String dir) throws Exception {
        Path root = Path.of(dir);
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
