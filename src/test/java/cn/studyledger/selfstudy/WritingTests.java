package cn.studyledger.selfstudy;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import cn.studyledger.org.OrgApi;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
 * Writings (学习成果): a member keeps their own (with a file checked by content), never another's; the clerk keeps
 * the group's; the figure counts exactly its evidence; other organisations' clerks see nothing of it.
 */
@IntegrationTest
@Transactional
class WritingTests {

    static final String WRITINGS = "/api/v1/orgs/XJ/writings";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SelfStudyApi selfStudy;

    @Autowired
    OrgApi orgs;

    long zhangWei;
    long wangJianguo;

    @BeforeEach
    void findPeople() {
        zhangWei = person("张伟");
        wangJianguo = person("王建国");
    }

    @Test
    void memberWritesOwnWritingWithAFileOnThePageAndDownloadsIt() throws Exception {
        byte[] text = "学习全会精神的体会\n第一，……".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/writings")
                        .file(new MockMultipartFile("file", "我的体会.txt", "text/plain", text))
                        .param("kind", "EXPERIENCE")
                        .param("title", "页面登记的心得体会")
                        .param("writtenOn", "2025-06-18")
                        .param("summary", "结合分管工作谈体会")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/writings/*"));
        long id = idOf("页面登记的心得体会");
        assertThat(column(id, "person_id")).isEqualTo(zhangWei);
        assertThat(audit(id)).containsExactly("CREATE");

        mvc.perform(get("/writings/" + id).with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("我的体会.txt")));
        mvc.perform(get("/writings/" + id + "/file").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/plain")))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("UTF-8''")))
                .andExpect(content().bytes(text));
        // the 组长 and the superior read the group's writings, files included
        for (String reader : List.of("leader", "superior", "clerk")) {
            mvc.perform(get("/api/v1/writings/" + id + "/file").with(as(accounts, reader)))
                    .andExpect(status().isOk())
                    .andExpect(content().bytes(text));
        }
    }

    @Test
    void fileRefusedByItsContentShowsTheMessageOnTheFormAndSavesNothing() throws Exception {
        long writings = count("selfstudy_writing");
        long files = count("common_stored_file");
        mvc.perform(multipart("/writings")
                        .file(new MockMultipartFile("file", "调研报告.pdf", "application/pdf", EXE))
                        .param("kind", "RESEARCH_REPORT")
                        .param("title", "附件被拒的调研报告")
                        .param("writtenOn", "2025-07-01")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件“调研报告.pdf”的类型不受支持")))
                .andExpect(content().string(containsString("附件被拒的调研报告")));
        assertThat(count("selfstudy_writing")).isEqualTo(writings);
        assertThat(count("common_stored_file")).isEqualTo(files);
    }

    @Test
    void fileSentThroughTheApiIsCheckedByContentToo() throws Exception {
        long id = createJson(
                "member", "{\"kind\":\"THEORY_ARTICLE\",\"title\":\"接口登记的理论文章\",\"writtenOn\":\"2025-05-05\"}");
        mvc.perform(multipart("/api/v1/writings/" + id + "/file")
                        .file(new MockMultipartFile("file", "文章.pdf", "application/pdf", PDF))
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.file.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.file.originalName").value("文章.pdf"));
        Long fileId = jdbc.sql("select file_id from selfstudy_writing where id = ?")
                .param(id)
                .query(Long.class)
                .single();
        long files = count("common_stored_file");

        mvc.perform(multipart("/api/v1/writings/" + id + "/file")
                        .file(new MockMultipartFile("file", "文章.pdf", "application/pdf", EXE))
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/business-rule"))
                .andExpect(jsonPath("$.detail").value(containsString("类型不受支持")));
        assertThat(jdbc.sql("select file_id from selfstudy_writing where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(fileId);
        assertThat(count("common_stored_file")).isEqualTo(files);
    }

    @Test
    void memberCannotReadChangeOrDeleteAnothersWriting() throws Exception {
        long leaders = jdbc.sql("select min(id) from selfstudy_writing where person_id = ?")
                .param(wangJianguo)
                .query(Long.class)
                .single();
        String title = title(leaders);

        mvc.perform(get("/api/v1/writings/" + leaders).with(as(accounts, "member")))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/writings/" + leaders)
                        .param("version", "0")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"SPEECH\",\"title\":\"篡改\",\"writtenOn\":\"2025-03-03\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/writings/" + leaders)
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/writings/" + leaders).with(as(accounts, "member"))).andExpect(status().isNotFound());
        mvc.perform(get("/writings/" + leaders + "/edit").with(as(accounts, "member")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/writings/" + leaders + "/file").with(as(accounts, "member")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/writings/" + leaders + "/delete")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        assertThat(title(leaders)).isEqualTo(title);

        mvc.perform(post(WRITINGS)
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + wangJianguo
                                + ",\"kind\":\"EXPERIENCE\",\"title\":\"代写\",\"writtenOn\":\"2025-03-03\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void memberEditsOwnWritingWithTheVersionTheySawAndAStaleVersionConflicts() throws Exception {
        long id = createJson("member", "{\"kind\":\"SPEECH\",\"title\":\"交流发言\",\"writtenOn\":\"2025-04-10\"}");
        String body = "{\"kind\":\"EXPERIENCE\",\"title\":\"交流发言（改为心得）\",\"writtenOn\":\"2025-04-11\"}";
        mvc.perform(put("/api/v1/writings/" + id)
                        .param("version", "0")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("EXPERIENCE"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/writings/" + id)
                        .param("version", "0")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/writings/" + id)
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNoContent());
        assertThat(audit(id)).containsExactly("CREATE", "UPDATE", "DELETE");
    }

    @Test
    void memberListsOnlyOwnWritingsWhileTheClerkAndLeaderListTheGroups() throws Exception {
        createJson("member", "{\"kind\":\"EXPERIENCE\",\"title\":\"本人的体会\",\"writtenOn\":\"2025-08-08\"}");
        assertThat(authors("member")).containsOnly(zhangWei);
        assertThat(authors("clerk")).contains(zhangWei, wangJianguo);
        assertThat(authors("leader")).hasSizeGreaterThan(2);
        assertThat(authors("superior")).hasSizeGreaterThan(2);
        mvc.perform(get("/writings").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本人的体会")));
    }

    @Test
    void clerkRecordsAWritingForAMemberButNotForSomeoneOutsideTheGroup() throws Exception {
        long id = createJson(
                "clerk",
                "{\"personId\":" + wangJianguo
                        + ",\"kind\":\"RESEARCH_REPORT\",\"title\":\"秘书代录的调研报告\",\"writtenOn\":\"2025-09-09\"}");
        assertThat(column(id, "person_id")).isEqualTo(wangJianguo);

        long outsider = jdbc.sql("select p.id from org_person p join org_unit o on o.id = p.org_id"
                        + " where o.code = 'XJ' and p.id not in (select person_id from org_membership)"
                        + " order by p.id limit 1")
                .query(Long.class)
                .single();
        mvc.perform(post(WRITINGS)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + outsider
                                + ",\"kind\":\"EXPERIENCE\",\"title\":\"组外人员\",\"writtenOn\":\"2025-09-09\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("2025年度该人员不在本单位中心组名单中"));
    }

    @Test
    void writingsFigureCountsMembersAchievementsExactlyAsItsEvidenceAndAnIndependentCount() throws Exception {
        long before = figure();
        createJson("member", "{\"kind\":\"SPEECH\",\"title\":\"发言材料不计入\",\"writtenOn\":\"2025-10-10\"}");
        assertThat(figure()).isEqualTo(before);
        createJson("member", "{\"kind\":\"THEORY_ARTICLE\",\"title\":\"理论文章计入\",\"writtenOn\":\"2025-10-11\"}");
        assertThat(figure()).isEqualTo(before + 1);

        String evidence = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures/writings.count/evidence")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Object> records = JsonPath.read(evidence, "$[*]");
        assertThat((long) records.size()).isEqualTo(before + 1);
        assertThat(jdbc.sql("""
                        select count(*) from selfstudy_writing w join org_unit o on o.id = w.org_id
                         where o.code = 'XJ' and w.written_on between '2025-01-01' and '2025-12-31'
                           and w.kind in ('EXPERIENCE', 'RESEARCH_REPORT', 'THEORY_ARTICLE')
                           and w.person_id in (select m.person_id from org_membership m
                                                where m.org_id = o.id and m.study_year = 2025
                                                  and m.role <> 'SECRETARY')""").query(Long.class).single()).isEqualTo(before + 1);
        List<String> urls = JsonPath.read(evidence, "$[*].url");
        assertThat(urls).allSatisfy(u -> assertThat(u).startsWith("/writings/"));
    }

    @Test
    void demoYearHasExactlyTheOneMemberWithoutAnExperienceOrReport() {
        long bureau = orgs.findUnchecked("XJ").orElseThrow().id();
        Set<Long> wrote = selfStudy.writings(bureau, 2025).stream()
                .filter(w -> w.kind() == WritingKind.EXPERIENCE || w.kind() == WritingKind.RESEARCH_REPORT)
                .map(WritingSummary::personId)
                .collect(Collectors.toSet());
        Map<Long, String> members =
                orgs.members(bureau, 2025).stream().collect(Collectors.toMap(m -> m.personId(), m -> m.name()));
        assertThat(members.keySet().stream().filter(p -> !wrote.contains(p)).map(members::get))
                .as("members without a 心得体会 or 调研报告 in 2025")
                .hasSize(1);
    }

    @Test
    void clerkOfASubordinateUnitGetsNotFoundForTheBureausWritingsAndFiles() throws Exception {
        long id = jdbc.sql("select min(w.id) from selfstudy_writing w join org_unit o on o.id = w.org_id"
                        + " where o.code = 'XJ' and w.file_id is not null")
                .query(Long.class)
                .single();
        String title = title(id);
        mvc.perform(get(WRITINGS).param("year", "2025").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/writings/" + id).with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/writings/" + id + "/file").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/writings/" + id).with(as(accounts, "unitclerk"))).andExpect(status().isNotFound());
        mvc.perform(get("/writings/" + id + "/file").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/writings/" + id)
                        .param("version", "0")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"SPEECH\",\"title\":\"越权修改\",\"writtenOn\":\"2025-03-03\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/writings/" + id + "/file")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", PDF))
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/writings/" + id + "/delete")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(post(WRITINGS)
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + zhangWei
                                + ",\"kind\":\"EXPERIENCE\",\"title\":\"越权登记\",\"writtenOn\":\"2025-03-03\"}"))
                .andExpect(status().isNotFound());
        assertThat(title(id)).isEqualTo(title);
    }

    @Test
    void superiorReadsButCannotWrite() throws Exception {
        mvc.perform(get("/writings/new").with(as(accounts, "superior"))).andExpect(status().isForbidden());
        mvc.perform(post(WRITINGS)
                        .with(as(accounts, "superior"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":" + zhangWei
                                + ",\"kind\":\"EXPERIENCE\",\"title\":\"上级代写\",\"writtenOn\":\"2025-03-03\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void formsAndListsRenderAndThePageEditReplacesTheFile() throws Exception {
        long id = createJson("member", "{\"kind\":\"EXPERIENCE\",\"title\":\"待补附件的体会\",\"writtenOn\":\"2025-03-12\"}");
        mvc.perform(get("/writings/new").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("登记学习成果")))
                .andExpect(content().string(containsString("20 MB")));
        mvc.perform(get("/writings/new").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"personId\"")));
        mvc.perform(get("/writings/" + id + "/edit").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("待补附件的体会")));
        mvc.perform(get("/writings").param("kind", "EXPERIENCE").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("全部成员")));
        mvc.perform(get("/writings").header("HX-Request", "true").with(as(accounts, "leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"results\"")));

        mvc.perform(multipart("/writings/" + id)
                        .file(new MockMultipartFile("file", "补充.pdf", "application/pdf", PDF))
                        .param("version", "0")
                        .param("kind", "EXPERIENCE")
                        .param("title", "待补附件的体会")
                        .param("writtenOn", "2025-03-12")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/writings/" + id + "/file").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().bytes(PDF));
        // a member's own edit page for a stale version reports the conflict
        mvc.perform(multipart("/writings/" + id)
                        .param("version", "0")
                        .param("kind", "SPEECH")
                        .param("title", "旧版本的修改")
                        .param("writtenOn", "2025-03-12")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isConflict());
        assertThat(title(id)).isEqualTo("待补附件的体会");
    }

    private long createJson(String username, String json) throws Exception {
        String created = mvc.perform(post(WRITINGS)
                        .with(as(accounts, username))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private Set<Long> authors(String username) throws Exception {
        ResultActions result = mvc.perform(
                        get(WRITINGS).param("year", "2025").param("size", "100").with(as(accounts, username)))
                .andExpect(status().isOk());
        List<Number> ids = JsonPath.read(
                result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.items[*].personId");
        return new HashSet<>(ids.stream().map(Number::longValue).toList());
    }

    private long figure() throws Exception {
        String json = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Number> values = JsonPath.read(json, "$[?(@.key=='writings.count')].value");
        return values.get(0).longValue();
    }

    private long idOf(String title) {
        return jdbc.sql("select id from selfstudy_writing where title = ?")
                .param(title)
                .query(Long.class)
                .single();
    }

    private String title(long id) {
        return jdbc.sql("select title from selfstudy_writing where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private long column(long id, String column) {
        return jdbc.sql("select " + column + " from selfstudy_writing where id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long person(String name) {
        return jdbc.sql("select p.id from org_person p join org_unit o on o.id = p.org_id"
                        + " where o.code = 'XJ' and p.name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private List<String> audit(long id) {
        return jdbc.sql("select action from common_audit_event where object_type = '学习成果' and object_id = ?"
                        + " order by id")
                .param(String.valueOf(id))
                .query(String.class)
                .list();
    }
}
