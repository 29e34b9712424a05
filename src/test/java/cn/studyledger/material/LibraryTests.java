package cn.studyledger.material;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The study library (学习资料库): searched by title, category and tag, page by page; the clerk uploads (every
 * document has a file, checked by content); members and superiors read and download; other organisations'
 * clerks get 404 for documents and files alike.
 */
@IntegrationTest
@Transactional
class LibraryTests {

    static final String LIBRARY = "/api/v1/orgs/XJ/library";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void searchMatchesTitleCategoryTagsAndSourceAndPages() throws Exception {
        List<Map<String, Object>> ecology = items(search("member", Map.of("q", "生态", "size", "100")));
        assertThat(ecology)
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(d -> assertThat(
                                d.get("title") + " " + d.get("category") + " " + d.get("tags") + " " + d.get("source"))
                        .contains("生态"));

        List<Map<String, Object>> rules = items(search("member", Map.of("category", "党内法规")));
        assertThat(rules)
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(d -> assertThat(d.get("category")).isEqualTo("党内法规"));

        List<Map<String, Object>> tagged = items(search("superior", Map.of("tag", "党纪学习教育")));
        assertThat(tagged)
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(d -> assertThat(d.get("tags").toString()).contains("党纪学习教育"));
        // a tag matches whole: "党纪" is no tag of its own
        assertThat(items(search("member", Map.of("tag", "党纪")))).isEmpty();
        // LIKE wildcards typed by the user are taken literally
        assertThat(items(search("member", Map.of("q", "%")))).isEmpty();
        assertThat(items(search("member", Map.of("q", "_")))).isEmpty();

        String firstPage = search("member", Map.of("size", "3"));
        assertThat(items(firstPage)).hasSize(3);
        assertThat(((Number) JsonPath.read(firstPage, "$.total")).longValue()).isGreaterThanOrEqualTo(10);
        String secondPage = search("member", Map.of("size", "3", "page", "1"));
        assertThat(items(secondPage)).hasSize(3);
        assertThat(JsonPath.<List<Object>>read(secondPage, "$.items[*].id"))
                .doesNotContainAnyElementsOf(JsonPath.read(firstPage, "$.items[*].id"));

        mvc.perform(get("/library").param("q", "纪律").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("中国共产党纪律处分条例")));
    }

    @Test
    void clerkUploadsADocumentOnThePageAndMembersAndSuperiorsDownloadIt() throws Exception {
        mvc.perform(multipart("/library")
                        .file(new MockMultipartFile("file", "学习辅导.pdf", "application/pdf", PDF))
                        .param("title", "页面上传的辅导材料")
                        .param("category", "学习辅导")
                        .param("tags", "四中全会，辅导 四中全会")
                        .param("source", "X局党办")
                        .param("publishedOn", "2025-11-20")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/library"));
        long id = jdbc.sql("select id from material_document where title = '页面上传的辅导材料'")
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select tags from material_document where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("四中全会,辅导");
        for (String reader : List.of("member", "superior", "leader")) {
            mvc.perform(get("/library/" + id + "/file").with(as(accounts, reader)))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andExpect(header().string("Content-Disposition", containsString("attachment")))
                    .andExpect(content().bytes(PDF));
        }
        assertThat(jdbc.sql("select count(*) from common_audit_event where object_type = '学习资料库文档'"
                                + " and object_id = ? and action = 'CREATE'")
                        .param(String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aDocumentWithoutAFileOrWithARefusedFileIsNotSaved() throws Exception {
        long documents = count("material_document");
        long files = count("common_stored_file");
        mvc.perform(multipart("/library")
                        .param("title", "没有文件的文档")
                        .param("category", "学习辅导")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择要上传的文件")));
        mvc.perform(multipart("/library")
                        .file(new MockMultipartFile("file", "条例.pdf", "application/pdf", EXE))
                        .param("title", "文件被拒的文档")
                        .param("category", "党内法规")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件“条例.pdf”的类型不受支持")));
        mvc.perform(multipart(LIBRARY)
                        .file(new MockMultipartFile("file", "条例.pdf", "application/pdf", EXE))
                        .param("title", "文件被拒的文档")
                        .param("category", "党内法规")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(containsString("类型不受支持")));
        assertThat(count("material_document")).isEqualTo(documents);
        assertThat(count("common_stored_file")).isEqualTo(files);
    }

    @Test
    void clerkChangesADocumentWithTheVersionTheySawAndReplacesItsFile() throws Exception {
        String created = mvc.perform(multipart(LIBRARY)
                        .file(new MockMultipartFile(
                                "file", "原件.txt", "text/plain", "原件".getBytes(StandardCharsets.UTF_8)))
                        .param("title", "接口上传的文档")
                        .param("category", "政策文件")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.file.contentType").value("text/plain"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        String body = "{\"title\":\"接口上传的文档（修订）\",\"category\":\"政策文件\",\"tags\":\"修订\"}";
        mvc.perform(put("/api/v1/library/" + id)
                        .param("version", "0")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tags[0]").value("修订"));
        mvc.perform(put("/api/v1/library/" + id)
                        .param("version", "0")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict());
        mvc.perform(multipart("/api/v1/library/" + id + "/file")
                        .file(new MockMultipartFile("file", "修订稿.pdf", "application/pdf", PDF))
                        .param("version", "1")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.file.originalName").value("修订稿.pdf"))
                .andExpect(jsonPath("$.title").value("接口上传的文档（修订）"));
        mvc.perform(get("/api/v1/library/" + id + "/file").with(as(accounts, "member")))
                .andExpect(content().bytes(PDF));
        mvc.perform(delete("/api/v1/library/" + id).with(as(accounts, "clerk")).with(csrf().asHeader()))
                .andExpect(status().isNoContent());
        assertThat(count("material_document where id = " + id)).isZero();
    }

    @Test
    void clerkOfASubordinateUnitGetsNotFoundForTheBureausDocumentsAndFiles() throws Exception {
        long id = jdbc.sql("select min(d.id) from material_document d join org_unit o on o.id = d.org_id"
                        + " where o.code = 'XJ'")
                .query(Long.class)
                .single();
        mvc.perform(get(LIBRARY).with(as(accounts, "unitclerk"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/library/" + id).with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/library/" + id + "/file").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/library/" + id + "/file").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/library/" + id + "/edit").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/library/" + id + "/delete")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/library/" + id)
                        .param("version", "0")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"越权修改\",\"category\":\"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(multipart(LIBRARY)
                        .file(new MockMultipartFile("file", "越权.pdf", "application/pdf", PDF))
                        .param("title", "越权上传")
                        .param("category", "x")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        // the unit clerk's own library page shows XJ-01's documents only
        mvc.perform(get("/library").with(as(accounts, "unitclerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("资料库中暂无符合条件的文档")));
        assertThat(count("material_document where id = " + id + " and title <> '越权修改'"))
                .isEqualTo(1);
        assertThat(count("material_document where title = '越权上传'")).isZero();
    }

    @Test
    void membersCannotUploadOrDelete() throws Exception {
        long id = jdbc.sql("select min(id) from material_document")
                .query(Long.class)
                .single();
        mvc.perform(get("/library/new").with(as(accounts, "member"))).andExpect(status().isForbidden());
        mvc.perform(post("/library/" + id + "/delete")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart(LIBRARY)
                        .file(new MockMultipartFile("file", "成员.pdf", "application/pdf", PDF))
                        .param("title", "成员上传")
                        .param("category", "x")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/library").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("new-document"))));
    }

    @Test
    void formsRenderAndThePageEditKeepsTheFileWhenNoneIsChosen() throws Exception {
        long id = jdbc.sql("select min(d.id) from material_document d join org_unit o on o.id = d.org_id"
                        + " where o.code = 'XJ'")
                .query(Long.class)
                .single();
        long fileId = jdbc.sql("select file_id from material_document where id = ?")
                .param(id)
                .query(Long.class)
                .single();
        long version = jdbc.sql("select version from material_document where id = ?")
                .param(id)
                .query(Long.class)
                .single();
        mvc.perform(get("/library/new").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("category-list")));
        mvc.perform(get("/library/" + id + "/edit").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("当前文件")));
        mvc.perform(get("/library")
                        .param("tag", "必读书目")
                        .header("HX-Request", "true")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("习近平生态文明思想学习纲要")));
        String title = jdbc.sql("select title from material_document where id = ?")
                .param(id)
                .query(String.class)
                .single();
        mvc.perform(multipart("/library/" + id)
                        .param("version", String.valueOf(version))
                        .param("title", title)
                        .param("category", "理论著作")
                        .param("tags", "习近平生态文明思想, 必读书目")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select file_id from material_document where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(fileId);
    }

    private String search(String username, Map<String, String> params) throws Exception {
        var request = get(LIBRARY).with(as(accounts, username));
        params.forEach(request::param);
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<Map<String, Object>> items(String json) {
        return JsonPath.read(json, "$.items");
    }

    private long count(String tableAndCondition) {
        return jdbc.sql("select count(*) from " + tableAndCondition)
                .query(Long.class)
                .single();
    }
}
