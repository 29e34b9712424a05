package cn.studyledger.security;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.studyledger.IntegrationTest;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.security.EndpointCatalogue.Endpoint;
import cn.studyledger.security.EndpointCatalogue.Rule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Upload attacks on every endpoint that takes files (found in the handler mappings, so a new one is covered
 * without touching this class), sent by a user the rule table lets through, each in a transaction that is rolled
 * back: a file over {@code ledger.files.max-size}, a web page or a Windows program under a document's name and
 * content type, and traversal / control-character / over-long file names. Refused uploads must say why in Chinese
 * and leave no row and no file; accepted ones must be stored under a generated name inside the files folder.
 * Every download endpoint must send a Content-Disposition without path separators or line breaks, whatever name
 * a file row holds (an archive import restores names as the archive says). The archive import's zip bomb and
 * zip-slip cases are in {@code ArchiveRoundTripTests}.
 */
@IntegrationTest
class UploadAttackTests {

    static final String HTML = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>";
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** A valid PDF header followed by a web page: a PDF by content, a web page once saved as .html. */
    static final byte[] POLYGLOT = ("%PDF-1.4\n" + HTML + "\n%%EOF").getBytes(StandardCharsets.US_ASCII);

    /** Names a browser or a script could send; the content is a valid PDF. */
    static final List<String> HOSTILE_NAMES = List.of(
            "../../etc/passwd.pdf",
            "..\\..\\windows\\x.pdf",
            "/tmp/x.pdf",
            "a\u0000b.pdf",
            "evil\r\nSet-Cookie: x=1.pdf",
            "长".repeat(300) + ".pdf");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    FileStore fileStore;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Value("${ledger.files.dir}")
    Path filesDir;

    List<Endpoint> uploads;
    Map<String, List<Rule>> rules;
    DemoRecords records;
    Writes writes;

    @BeforeEach
    void findUploadEndpoints() throws Exception {
        uploads = EndpointCatalogue.uploads(mapping);
        rules = EndpointCatalogue.byKey(EndpointCatalogue.rules());
        records = new DemoRecords(jdbc);
        writes = new Writes(
                mvc, accounts, jdbc, transactions, filesDir.toAbsolutePath().normalize());
    }

    /** The user and input of an endpoint for which a valid PDF goes through, or the first allowed user. */
    private record Target(
            Endpoint endpoint, String url, String user, Map<String, String> params, String body, boolean works) {}

    private Target target(Endpoint endpoint) {
        DemoRecords.Filled filled = records.fill(endpoint.pattern());
        Map<String, String> params = writes.validParams(endpoint, filled);
        String body = writes.validBody(endpoint, endpoint.body());
        List<Rule> rule = rules.getOrDefault(endpoint.key(), List.of());
        List<String> users = rule.size() == 1 ? Writes.candidates(rule.get(0)) : List.of();
        for (String user : users) {
            Writes.Sent control =
                    writes.send(endpoint, filled.url(), user, params, body, with(endpoint, "提纲.pdf", Writes.PDF));
            if (control.succeeded()) {
                return new Target(endpoint, filled.url(), user, params, body, true);
            }
        }
        return new Target(endpoint, filled.url(), users.isEmpty() ? "clerk" : users.get(0), params, body, false);
    }

    private static Consumer<MockMultipartHttpServletRequestBuilder> with(Endpoint endpoint, String name, byte[] data) {
        return with(endpoint, name, "application/pdf", data);
    }

    /** The file goes into the first file part (a form with two lists of files gets it in the first). */
    private static Consumer<MockMultipartHttpServletRequestBuilder> with(
            Endpoint endpoint, String name, String contentType, byte[] data) {
        return builder ->
                builder.file(new MockMultipartFile(endpoint.fileParts().get(0), name, contentType, data));
    }

    private Writes.Sent attack(Target target, Consumer<MockMultipartHttpServletRequestBuilder> file) {
        return writes.send(
                target.endpoint(),
                target.url(),
                target.user(),
                target.params(),
                target.endpoint().body(),
                file);
    }

    /** Refused, said why in Chinese (when the same request with a good file goes through), left nothing. */
    private static void refused(Target target, Writes.Sent sent, String expected, List<String> problems) {
        String what = sent.summary();
        if (sent.succeeded()) {
            problems.add(what + ": accepted");
        } else if (sent.status() >= 500) {
            problems.add(what + ": server error");
        } else if (target.works() && !sent.says(expected)) {
            problems.add(what + ": no clear message containing 「" + expected + "」");
        }
        if (!sent.rolledBack() && (sent.storedFiles() != 0 || !sent.newFiles().isEmpty() || sent.auditLines() != 0)) {
            problems.add(what + ": left " + sent.storedFiles() + " file rows, files " + sent.newFiles() + ", "
                    + sent.auditLines() + " audit lines");
        }
    }

    @Test
    void everyUploadEndpointRefusesOversizedAndDisguisedFilesAndStoresNothing() {
        List<String> problems = new ArrayList<>();
        int exercised = 0;
        List<String> withoutWorkingControl = new ArrayList<>();
        byte[] oversized = new byte[(int) fileStore.maxBytes() + 1];
        System.arraycopy(Writes.PDF, 0, oversized, 0, Writes.PDF.length);
        for (Endpoint endpoint : uploads) {
            Target target = target(endpoint);
            if (!target.works()) {
                withoutWorkingControl.add(endpoint.key() + " (" + endpoint.handler() + ")");
            }
            refused(target, attack(target, with(endpoint, "超大的提纲.pdf", oversized)), "超过大小上限", problems);
            refused(
                    target,
                    attack(target, with(endpoint, "outline.pdf", HTML.getBytes(StandardCharsets.UTF_8))),
                    "文件“outline.pdf”",
                    problems);
            refused(target, attack(target, with(endpoint, "x.docx", DOCX, EXE)), "文件“x.docx”", problems);
            // a web page, and a PDF that is also a web page, named x.pdf.html: stored as neither PDF nor page
            refused(
                    target,
                    attack(target, with(endpoint, "x.pdf.html", HTML.getBytes(StandardCharsets.UTF_8))),
                    "文件“x.pdf.html”",
                    problems);
            refused(target, attack(target, with(endpoint, "x.pdf.html", POLYGLOT)), "文件“x.pdf.html”", problems);
            exercised++;
        }
        System.out.println("Upload attacks: " + exercised + " of " + uploads.size() + " upload endpoints exercised; "
                + withoutWorkingControl.size() + " without a successful valid upload to compare with: "
                + withoutWorkingControl);
        assertThat(uploads).isNotEmpty();
        assertThat(exercised).isEqualTo(uploads.size());
        assertThat(problems).isEmpty();
    }

    @Test
    void hostileFileNamesAreRefusedOrStoredUnderAGeneratedNameInsideTheFilesFolder() throws Exception {
        Path root = filesDir.toAbsolutePath().normalize();
        List<Path> escapes = List.of(
                root.resolve("../../etc/passwd.pdf").normalize(),
                root.resolve("../../windows/x.pdf").normalize(),
                Path.of("/tmp/x.pdf"));
        List<Path> existing = escapes.stream().filter(Files::exists).toList();
        List<String> problems = new ArrayList<>();
        int exercised = 0;
        int stored = 0;
        for (Endpoint endpoint : uploads) {
            Target target = target(endpoint);
            for (String name : HOSTILE_NAMES) {
                Writes.Sent sent = attack(target, with(endpoint, name, Writes.PDF));
                String what = sent.summary() + " [" + printable(name) + "]";
                if (sent.status() >= 500) {
                    problems.add(what + ": server error");
                }
                if (!sent.succeeded()
                        && !sent.rolledBack()
                        && (sent.storedFiles() != 0 || !sent.newFiles().isEmpty())) {
                    problems.add(what + ": refused but left a file");
                }
                for (Map<String, Object> row : sent.newStoredRows()) {
                    stored++;
                    String storedName = (String) row.get("stored_name");
                    String original = (String) row.get("original_name");
                    if (!storedName.matches(
                            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.[a-z]{3,4}")) {
                        problems.add(what + ": stored as " + storedName);
                    }
                    if (original.matches("(?s).*[/\\\\\\p{Cntrl}].*") || original.length() > 200) {
                        problems.add(what + ": original name kept as " + printable(original));
                    }
                }
                if (!sent.newFiles().stream().allMatch(f -> !f.contains("/") && !f.contains("\\"))) {
                    problems.add(what + ": file written below the files folder: " + sent.newFiles());
                }
            }
            exercised++;
        }
        for (Path escape : escapes) {
            if (!existing.contains(escape)) {
                assertThat(escape).as("written outside the files folder").doesNotExist();
            }
        }
        System.out.println("Hostile names: " + exercised + " upload endpoints × " + HOSTILE_NAMES.size() + " names; "
                + stored + " uploads stored under generated names");
        assertThat(exercised).isPositive().isEqualTo(uploads.size());
        assertThat(stored)
                .as("some endpoint accepts the valid PDF under a hostile name")
                .isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDownloadSendsTheFileNameWithoutPathSeparatorsOrLineBreaks() throws Exception {
        List<Endpoint> downloads = EndpointCatalogue.endpoints(mapping).stream()
                .filter(e -> !e.write() && e.pattern().matches(".*/(file|files/\\{fileId})$"))
                .toList();
        String hostile = "..\\..\\evil\r\nSet-Cookie: x=1/../提纲.pdf";
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : downloads) {
            List<Rule> rule = rules.getOrDefault(endpoint.key(), List.of());
            List<String> users = rule.size() == 1 ? Writes.candidates(rule.get(0)) : List.of();
            DemoRecords.Filled filled = records.fill(endpoint.pattern());
            if (users.isEmpty() || !filled.unresolved().isEmpty()) {
                continue; // nobody may download it, or the demo data has no such file
            }
            TransactionTemplate rollback = new TransactionTemplate(transactions);
            MockHttpServletResponse response = rollback.execute(status -> {
                status.setRollbackOnly();
                jdbc.sql("update common_stored_file set original_name = :name")
                        .param("name", hostile)
                        .update();
                try {
                    return mvc.perform(get(filled.url()).with(as(accounts, users.get(0))))
                            .andReturn()
                            .getResponse();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String disposition = response.getHeader("Content-Disposition");
            if (response.getStatus() != 200 || disposition == null) {
                problems.add(endpoint.key() + " as " + users.get(0) + ": " + response.getStatus() + " " + disposition);
                continue;
            }
            checked++;
            if (disposition.matches("(?s).*[/\\\\\\r\\n].*")) {
                problems.add(endpoint.key() + ": Content-Disposition " + printable(disposition));
            }
        }
        System.out.println("Downloads: " + checked + " of " + downloads.size() + " download endpoints checked");
        assertThat(checked).isPositive();
        assertThat(problems).isEmpty();
    }

    private static String printable(String text) {
        String shown = text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return shown.length() > 60 ? shown.substring(0, 60) + "…" : shown;
    }
}
