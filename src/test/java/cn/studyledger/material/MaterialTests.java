package cn.studyledger.material;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 专题学习资料: the clerk compiles a draft with files and publishes it; only then does it count and reach the
 * members; a refused file saves nothing; other organisations' clerks see neither the issues nor their files.
 */
@IntegrationTest
@Transactional
class MaterialTests {

    static final String ISSUES = "/api/v1/orgs/XJ/materials";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Value("${ledger.files.dir}")
    Path filesDir;

    @Test
    void draftWithFilesCountsAndReachesMembersOnlyOncePublished() throws Exception {
        long figure = figure();
        int next = jdbc.sql("select max(i.issue_no) from material_issue i join org_unit o on o.id = i.org_id"
                                + " where o.code = 'XJ' and i.issue_year = 2025")
                        .query(Integer.class)
                        .single()
                + 1;
        byte[] text = "专题学习资料正文".getBytes(StandardCharsets.UTF_8);
        String location = mvc.perform(multipart("/materials")
                        .file(new MockMultipartFile("files", "正文.txt", "text/plain", text))
                        .file(new MockMultipartFile("files", "辅导.pdf", "application/pdf", PDF))
                        .param("title", "页面新增的一期")
                        .param("publishedOn", "2025-12-28")
                        .param("contents", "一、学习篇目\n二、思考题")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring("/materials/".length()));
        assertThat(jdbc.sql("select issue_no from material_issue where id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(next);
        assertThat(issueStatus(id)).isEqualTo("DRAFT");
        assertThat(fileIds(id)).hasSize(2);
        assertThat(figure()).isEqualTo(figure);

        // a draft is the clerk's: members neither list nor open it
        mvc.perform(get("/materials/" + id).with(as(accounts, "member"))).andExpect(status().isNotFound());
        mvc.perform(get("/materials/" + id + "/files/" + fileIds(id).get(0)).with(as(accounts, "member")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/materials").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("页面新增的一期"))));

        mvc.perform(get("/materials/" + id).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("publish-issue")))
                .andExpect(content().string(containsString("data-confirm")));
        mvc.perform(post("/materials/" + id + "/publish")
                        .param("version", "0")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        assertThat(issueStatus(id)).isEqualTo("PUBLISHED");
        assertThat(figure()).isEqualTo(figure + 1);

        mvc.perform(get("/materials").with(as(accounts, "member")))
                .andExpect(content().string(containsString("页面新增的一期")));
        long textFile = fileIds(id).get(0);
        mvc.perform(get("/materials/" + id + "/files/" + textFile).with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().bytes(text));
        assertThat(audit(id)).containsExactly("CREATE", "UPDATE");
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // proves the rollback of the request's own transaction
    void aRefusedFileAmongSeveralSavesNeitherTheIssueNorAnyFile() throws Exception {
        long issues = count("material_issue");
        long files = count("common_stored_file");
        long onDisk = filesOnDisk();
        mvc.perform(multipart("/materials")
                        .file(new MockMultipartFile(
                                "files", "正文.txt", "text/plain", "正文".getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("files", "讲话.pdf", "application/pdf", EXE))
                        .param("title", "附件被拒的一期")
                        .param("publishedOn", "2025-12-29")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件“讲话.pdf”的类型不受支持")))
                .andExpect(content().string(containsString("附件被拒的一期")));
        assertThat(count("material_issue")).isEqualTo(issues);
        assertThat(count("common_stored_file")).isEqualTo(files);
        assertThat(filesOnDisk()).isEqualTo(onDisk);
    }

    @Test
    void publishingTwiceAndDeletingAPublishedIssueAreRefused() throws Exception {
        long id = create("{\"title\":\"接口新增的一期\",\"publishedOn\":\"2025-12-30\",\"contents\":\"目录\"}");
        String label = "2025年第"
                + jdbc.sql("select issue_no from material_issue where id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single() + "期";
        mvc.perform(post("/api/v1/materials/" + id + "/publish")
                        .param("version", "0")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(post("/api/v1/materials/" + id + "/publish")
                        .param("version", "1")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(label + "已发布，不能重复发布"));
        mvc.perform(delete("/api/v1/materials/" + id)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(label + "已发布，不能删除"));
        assertThat(count("material_issue where id = " + id)).isEqualTo(1);
    }

    @Test
    void anIssueNumberIsUniqueInItsYear() throws Exception {
        long before = count("material_issue");
        mvc.perform(post(ISSUES)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"issueNo\":1,\"title\":\"重号\",\"publishedOn\":\"2025-06-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("2025年第1期已存在，请换一个期号"));
        assertThat(count("material_issue")).isEqualTo(before);
        // number 1 of another year is free
        long id = create("{\"issueNo\":1,\"title\":\"次年第一期\",\"publishedOn\":\"2026-01-06\"}");
        mvc.perform(delete("/api/v1/materials/" + id)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNoContent());
    }

    @Test
    void clerkAttachesAndRemovesFilesWithTheVersionTheySaw() throws Exception {
        long id = create("{\"title\":\"补充附件的一期\",\"publishedOn\":\"2025-12-15\"}");
        String attached = mvc.perform(multipart("/api/v1/materials/" + id + "/files")
                        .file(new MockMultipartFile("file", "补充.pdf", "application/pdf", PDF))
                        .param("version", "0")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.files[0].originalName").value("补充.pdf"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long fileId = ((Number) JsonPath.read(attached, "$.files[0].id")).longValue();
        long version = ((Number) JsonPath.read(attached, "$.version")).longValue();
        assertThat(version).isEqualTo(1);
        mvc.perform(post("/materials/" + id + "/files/" + fileId + "/delete")
                        .param("version", "0")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isConflict());
        mvc.perform(post("/materials/" + id + "/files/" + fileId + "/delete")
                        .param("version", String.valueOf(version))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        assertThat(fileIds(id)).isEmpty();
    }

    @Test
    void aFileIsServedOnlyThroughTheIssueItBelongsTo() throws Exception {
        long issue = publishedIssueWithFile();
        long libraryFile = jdbc.sql("select min(file_id) from material_document")
                .query(Long.class)
                .single();
        mvc.perform(get("/materials/" + issue + "/files/" + libraryFile).with(as(accounts, "clerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/materials/" + issue + "/files/" + libraryFile).with(as(accounts, "member")))
                .andExpect(status().isNotFound());
    }

    @Test
    void clerkOfASubordinateUnitGetsNotFoundForTheBureausIssuesAndFiles() throws Exception {
        long published = publishedIssueWithFile();
        long file = fileIds(published).get(0);
        long draft = jdbc.sql("select min(i.id) from material_issue i join org_unit o on o.id = i.org_id"
                        + " where o.code = 'XJ' and i.status = 'DRAFT'")
                .query(Long.class)
                .single();
        mvc.perform(get(ISSUES).param("year", "2025").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        for (long id : new long[] {published, draft}) {
            mvc.perform(get("/api/v1/materials/" + id).with(as(accounts, "unitclerk")))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/materials/" + id).with(as(accounts, "unitclerk"))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/materials/" + published + "/files/" + file).with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/materials/" + published + "/files/" + file).with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/materials/" + draft + "/publish")
                        .param("version", "0")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/materials/" + draft + "/delete")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/materials/" + draft)
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(post(ISSUES)
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"越权新增\",\"publishedOn\":\"2025-06-01\"}"))
                .andExpect(status().isNotFound());
        assertThat(issueStatus(draft)).isEqualTo("DRAFT");
        assertThat(count("material_issue where title = '越权新增'")).isZero();
    }

    @Test
    void membersAndTheLeaderCannotOpenOrUseTheClerksForms() throws Exception {
        for (String reader : List.of("member", "leader")) {
            mvc.perform(get("/materials/new").with(as(accounts, reader))).andExpect(status().isForbidden());
            mvc.perform(post(ISSUES)
                            .with(as(accounts, reader))
                            .with(csrf().asHeader())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"title\":\"成员新增\",\"publishedOn\":\"2025-06-01\"}"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/materials").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("new-issue"))));
    }

    @Test
    void issuesFigureEqualsItsEvidenceAndAnIndependentCountOfPublishedIssues() throws Exception {
        String evidence = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures/materials.issues/evidence")
                        .with(as(accounts, "superior")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> urls = JsonPath.read(evidence, "$[*].url");
        long sql = jdbc.sql("""
                        select count(*) from material_issue i join org_unit o on o.id = i.org_id
                         where o.code = 'XJ' and i.status = 'PUBLISHED'
                           and i.published_on between '2025-01-01' and '2025-12-31'""").query(Long.class).single();
        assertThat(figure()).isEqualTo(sql).isEqualTo(urls.size()).isGreaterThanOrEqualTo(8);
        assertThat(urls).allSatisfy(u -> assertThat(u).startsWith("/materials/"));
    }

    @Test
    void formsRenderWithTheNextNumberAndThePageEditSaves() throws Exception {
        int next = jdbc.sql("select max(i.issue_no) from material_issue i join org_unit o on o.id = i.org_id"
                                + " where o.code = 'XJ' and i.issue_year = ?")
                        .param(2025)
                        .query(Integer.class)
                        .single()
                + 1;
        mvc.perform(get("/materials/new").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + next + "\"")));
        long id = create("{\"title\":\"页面编辑的一期\",\"publishedOn\":\"2025-12-01\"}");
        mvc.perform(get("/materials/" + id + "/edit").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("页面编辑的一期")));
        mvc.perform(post("/materials/" + id)
                        .param("version", "0")
                        .param("issueNo", "")
                        .param("title", "页面编辑的一期（改）")
                        .param("publishedOn", "2025-12-02")
                        .param("contents", "目录")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("material_issue where title = '页面编辑的一期（改）'")).isEqualTo(1);
        mvc.perform(post("/materials/" + id)
                        .param("version", "1")
                        .param("issueNo", "1")
                        .param("title", "改成重号")
                        .param("publishedOn", "2025-12-02")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2025年第1期已存在，请换一个期号")));
    }

    private long publishedIssueWithFile() {
        return jdbc.sql("select min(i.id) from material_issue i join org_unit o on o.id = i.org_id"
                        + " where o.code = 'XJ' and i.status = 'PUBLISHED'"
                        + " and exists (select 1 from material_issue_file f where f.issue_id = i.id)")
                .query(Long.class)
                .single();
    }

    private long create(String json) throws Exception {
        String created = mvc.perform(post(ISSUES)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private long figure() throws Exception {
        String json = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Number> values = JsonPath.read(json, "$[?(@.key=='materials.issues')].value");
        return values.get(0).longValue();
    }

    private String issueStatus(long id) {
        return jdbc.sql("select status from material_issue where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private List<Long> fileIds(long id) {
        return jdbc.sql("select file_id from material_issue_file where issue_id = ? order by file_id")
                .param(id)
                .query(Long.class)
                .list();
    }

    private long count(String tableAndCondition) {
        return jdbc.sql("select count(*) from " + tableAndCondition)
                .query(Long.class)
                .single();
    }

    private long filesOnDisk() throws Exception {
        if (!Files.isDirectory(filesDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(filesDir)) {
            return files.count();
        }
    }

    private List<String> audit(long id) {
        return jdbc.sql("select action from common_audit_event where object_type = '专题学习资料' and object_id = ?"
                        + " order by id")
                .param(String.valueOf(id))
                .query(String.class)
                .list();
    }
}
