package cn.studyledger.selfstudy;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * 学习笔记 (study notes) on self-study entries: the author uploads, lists and removes them; the year's rule settings
 * bound their size, image size and types, and a file over them is a 422 that stores nothing; the figure
 * notes.attached is exactly its evidence; another organisation's users reach none of it. Rolled back afterwards.
 */
@IntegrationTest
@Transactional
class StudyNoteTests {

    static final String PDF_HEAD = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n";
    static final String RULES = "/api/v1/orgs/XJ/years/2025/rules/";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    long entry;

    @BeforeEach
    void membersEntry() {
        entry = jdbc.sql("select max(e.id) from selfstudy_entry e join org_account a on a.person_id = e.person_id"
                        + " where a.username = 'member' and extract(year from e.study_date) = 2025")
                .query(Long.class)
                .single();
    }

    @Test
    void theAuthorUploadsListsAndRemovesNotesAndTheFigureFollows() throws Exception {
        long figure = figure();
        long before = notes(entry);
        long version = entryVersion();
        long fileId = upload("member", entry, png("笔记.png", 640, 480))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.file.contentType").value("image/png"))
                .andExpect(jsonPath("$.file.originalName").value("笔记.png"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8)
                .transform(json -> ((Number) JsonPath.read(json, "$.file.id")).longValue());
        upload("member", entry, new MockMultipartFile("file", "体会.pdf", "application/pdf", pdf(2048)))
                .andExpect(status().isCreated());
        assertThat(notes(entry)).isEqualTo(before + 2);
        // a note is its own row: the entry's version is untouched
        assertThat(entryVersion()).isEqualTo(version);

        mvc.perform(get("/api/v1/selfstudy/" + entry + "/notes").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value((int) before + 2));
        // the clerk, the 组长 and the superior read them too
        for (String reader : List.of("clerk", "leader", "superior")) {
            mvc.perform(get("/api/v1/selfstudy/" + entry + "/notes").with(as(accounts, reader)))
                    .andExpect(status().isOk());
        }
        assertThat(figure()).isEqualTo(figure + 2);
        String evidence = BookTests.body(mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures/notes.attached/evidence")
                .with(as(accounts, "clerk"))));
        List<Number> ids = JsonPath.read(evidence, "$[*].id");
        assertThat(ids).hasSize((int) figure + 2);
        assertThat(ids.stream().map(Number::longValue).toList())
                .containsExactlyInAnyOrderElementsOf(jdbc.sql("select n.id from selfstudy_note n join selfstudy_entry e"
                                + " on e.id = n.entry_id join org_unit o on o.id = e.org_id where o.code = 'XJ'"
                                + " and e.study_date between '2025-01-01' and '2025-12-31' and e.person_id in (select"
                                + " m.person_id from org_membership m where m.org_id = o.id and m.study_year = 2025"
                                + " and m.role <> 'SECRETARY')")
                        .query(Long.class)
                        .list());

        // the member's 学习档案 lists them
        long person = jdbc.sql("select person_id from org_account where username = 'member'")
                .query(Long.class)
                .single();
        mvc.perform(get("/records/" + person).with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("学习笔记")))
                .andExpect(content().string(containsString("笔记.png")))
                .andExpect(content().string(containsString("原著研读")));

        mvc.perform(get("/selfstudy/" + entry + "/notes/" + fileId).with(as(accounts, "leader")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"));
        mvc.perform(delete("/api/v1/selfstudy/" + entry + "/notes/" + fileId)
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNoContent());
        assertThat(notes(entry)).isEqualTo(before + 1);
        assertThat(audits()).contains("CREATE", "DELETE");
    }

    @Test
    void theLimitsAreTheYearsRuleSettingsAndAFileOverThemStoresNothing() throws Exception {
        setRule("notes.files", "1", "1000");
        long files = count("common_stored_file");
        long notes = count("selfstudy_note");

        upload("member", entry, new MockMultipartFile("file", "大文件.pdf", "application/pdf", pdf(1024 * 1024 + 10)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("超过大小上限 1 MB")))
                .andExpect(jsonPath("$.detail").value(containsString("依据：本局学习制度第七条")));
        upload("member", entry, png("大图.png", 1200, 800))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("1200×800 像素，超过长、宽各 1000 像素的上限")));
        upload("member", entry, png("合适.png", 1000, 1000)).andExpect(status().isCreated());

        setRule("notes.types", "1", null);
        upload("member", entry, new MockMultipartFile("file", "体会.pdf", "application/pdf", pdf(100)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("类型不受支持")));
        assertThat(count("common_stored_file")).isEqualTo(files + 1);
        assertThat(count("selfstudy_note")).isEqualTo(notes + 1);

        // the page shows the limits in force and a refusal beside the form, with 422
        mvc.perform(get("/selfstudy/" + entry + "/notes").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不超过 <span>1 MB</span>")))
                .andExpect(content().string(containsString("<span>1000</span> 像素")));
        mvc.perform(multipart("/selfstudy/" + entry + "/notes")
                        .file(png("又一张大图.png", 3000, 200))
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("超过长、宽各 1000 像素的上限")));
        assertThat(count("selfstudy_note")).isEqualTo(notes + 1);
    }

    @Test
    void byDefaultAFileOverTenMegabytesIsRefused() throws Exception {
        long files = count("common_stored_file");
        upload("member", entry, new MockMultipartFile("file", "扫描件.pdf", "application/pdf", pdf(10 * 1024 * 1024 + 1)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("超过大小上限 10 MB")));
        upload("member", entry, png("超大图.png", 8001, 100))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("8000 像素")));
        assertThat(count("common_stored_file")).isEqualTo(files);
    }

    @Test
    void anotherOrganisationsUsersAndOtherMembersReachNoneOfTheNotes() throws Exception {
        long fileId = JsonPath.<Number>read(
                        BookTests.body(upload("member", entry, png("私人笔记.png", 100, 100))), "$.file.id")
                .longValue();
        for (String stranger : List.of("unitclerk", "deputy")) {
            mvc.perform(get("/api/v1/selfstudy/" + entry + "/notes").with(as(accounts, stranger)))
                    .andExpect(status().isNotFound());
            upload(stranger, entry, png("外来.png", 100, 100)).andExpect(status().isNotFound());
            mvc.perform(delete("/api/v1/selfstudy/" + entry + "/notes/" + fileId)
                            .with(as(accounts, stranger))
                            .with(csrf().asHeader()))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/selfstudy/" + entry + "/notes/" + fileId).with(as(accounts, stranger)))
                    .andExpect(status().isNotFound());
        }
        assertThat(jdbc.sql("select count(*) from selfstudy_note where file_id = ?")
                        .param(fileId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void deletingAnEntryDeletesItsNotes() throws Exception {
        upload("member", entry, png("随记录删除.png", 100, 100)).andExpect(status().isCreated());
        mvc.perform(delete("/api/v1/selfstudy/" + entry)
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNoContent());
        assertThat(notes(entry)).isZero();
    }

    // ---- helpers ----

    private ResultActions upload(String username, long entryId, MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/api/v1/selfstudy/" + entryId + "/notes")
                .file(file)
                .with(as(accounts, username))
                .with(csrf().asHeader()));
    }

    private void setRule(String key, String param1, String param2) throws Exception {
        String rule = BookTests.body(
                mvc.perform(get(RULES + key).with(as(accounts, "clerk"))).andExpect(status().isOk()));
        long version = ((Number) JsonPath.read(rule, "$.version")).longValue();
        mvc.perform(put(RULES + key)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":true,\"param1\":" + param1
                                + (param2 == null ? "" : ",\"param2\":" + param2)
                                + ",\"source\":\"本局学习制度第七条\",\"version\":" + version + "}"))
                .andExpect(status().isOk());
    }

    /** A PDF of about {@code size} bytes. */
    static byte[] pdf(int size) {
        byte[] head = PDF_HEAD.getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(head, Math.max(size, head.length + 6));
        Arrays.fill(bytes, head.length, bytes.length - 6, (byte) ' ');
        System.arraycopy("%%EOF\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, bytes.length - 6, 6);
        return bytes;
    }

    /** A PNG that says it is {@code width}×{@code height} pixels: its header only, no pixels to decode. */
    static MockMultipartFile png(String name, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(
                out,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8)
                        .put((byte) 2)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        chunk(out, "IEND", new byte[0]);
        return new MockMultipartFile("file", name, "image/png", out.toByteArray());
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private long figure() throws Exception {
        String json = BookTests.body(
                mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk"))));
        List<Number> values = JsonPath.read(json, "$[?(@.key=='notes.attached')].value");
        return values.get(0).longValue();
    }

    private long notes(long entryId) {
        return jdbc.sql("select count(*) from selfstudy_note where entry_id = ?")
                .param(entryId)
                .query(Long.class)
                .single();
    }

    private long entryVersion() {
        return jdbc.sql("select version from selfstudy_entry where id = ?")
                .param(entry)
                .query(Long.class)
                .single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private List<String> audits() {
        return jdbc.sql("select action from common_audit_event where object_type = '学习笔记' order by id")
                .query(String.class)
                .list();
    }
}
