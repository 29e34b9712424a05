package cn.studyledger.report;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import cn.studyledger.Requires;
import cn.studyledger.Tool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The annual report editor through its API and pages: the clerk edits a paragraph (a stale version gets 409),
 * the 组长 finalises, the final document keeps its numbers after the records change while a draft follows them,
 * history, problems draft, user templates, the .docx layout and content, the PDF, and who may do what.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class ReportEditorTests {

    static final String API = "/api/v1/orgs/XJ/years/2025";
    static final String TITLE = "X局党组关于2025年度理论学习中心组学习情况报告";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void clerkEditsAParagraphAndAStaleVersionGetsAConflict() throws Exception {
        JsonNode report = report("clerk");
        assertThat(report.get("status").asString()).isEqualTo("DRAFT");
        assertThat(report.get("revision").asInt()).isEqualTo(1);
        JsonNode opening = block(report, "开头");
        long id = opening.get("id").longValue();
        long version = opening.get("version").longValue();

        String edited = "{{year}}年，我们坚持把理论学习摆在首位，全年共组织集体学习{{sessions.collective}}次。";
        String saved = mvc.perform(put(API + "/report/blocks/" + id)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("version", version, "body", edited))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode block = json.readTree(saved);
        assertThat(block.get("body").asString()).isEqualTo(edited);
        assertThat(block.get("version").longValue()).isGreaterThan(version);
        StringBuilder shown = new StringBuilder();
        block.get("bodyShown").forEach(s -> shown.append(s.get("text").asString()));
        assertThat(shown.toString()).contains("2025年，我们坚持").contains("集体学习" + figure("sessions.collective") + "次");

        mvc.perform(put(API + "/report/blocks/" + id)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("version", version, "body", "另一人的修改"))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("该段落已被他人修改，请刷新后再改"));

        assertThat(jdbc.sql("select count(*) from common_audit_event where object_type = '年度报告' and action = 'UPDATE'"
                                + " and summary like '%修改正文#" + id + "%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void unknownTokensAreRefusedWithTheirListAndNothingIsSaved() throws Exception {
        JsonNode opening = block(report("clerk"), "开头");
        mvc.perform(put(API + "/report/blocks/" + opening.get("id").longValue())
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of(
                                "version",
                                opening.get("version").longValue(),
                                "body",
                                "{{sessions.collective}}{{no.such}}{{selfstudy.hours|大约}}"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("以下指标标签不存在，未保存：{{no.such}}、{{selfstudy.hours|大约}}"));
        assertThat(block(report("clerk"), "开头").get("body").asString())
                .isEqualTo(opening.get("body").asString());
    }

    @Test
    void finalVersionKeepsItsNumbersWhenRecordsChangeWhileADraftFollowsThem() throws Exception {
        long collective = figure("sessions.collective");
        JsonNode report = report("clerk");
        report = decide("clerk", "submit", report.get("version").longValue(), null, 200);
        assertThat(report.get("status").asString()).isEqualTo("SUBMITTED");
        decide("clerk", "finalise", report.get("version").longValue(), null, 403);
        report = decide("leader", "finalise", report.get("version").longValue(), null, 200);
        assertThat(report.get("status").asString()).isEqualTo("FINAL");
        assertThat(report.get("actions").get("edit").asBoolean()).isFalse();

        // FINAL is read-only
        JsonNode opening = block(report, "开头");
        mvc.perform(put(API + "/report/blocks/" + opening.get("id").longValue())
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(
                                Map.of("version", opening.get("version").longValue(), "body", "改"))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("已定稿的报告不能修改，如需调整请组长“重新打开”"));

        assertThat(collectiveIn(docx(API + "/report.docx"))).isEqualTo(collective);

        Long held = jdbc.sql(
                        "select s.id from session_study_session s join org_unit o on o.id = s.org_id where o.code = 'XJ'"
                                + " and s.status = 'HELD' and s.session_date between date '2025-01-01' and date '2025-12-31'"
                                + " order by s.id fetch first 1 rows only")
                .query(Long.class)
                .single();
        jdbc.sql("update session_study_session set status = 'PLANNED' where id = ?")
                .param(held)
                .update();
        try {
            assertThat(figure("sessions.collective")).isEqualTo(collective - 1);
            assertThat(collectiveIn(docx(API + "/report.docx")))
                    .as("the final version does not change")
                    .isEqualTo(collective);

            JsonNode reopened = decide("leader", "reopen", report.get("version").longValue(), "补充全年数据", 200);
            assertThat(reopened.get("revision").asInt()).isEqualTo(2);
            assertThat(reopened.get("status").asString()).isEqualTo("DRAFT");
            assertThat(collectiveIn(docx(API + "/report.docx?revision=2")))
                    .as("a draft follows the records")
                    .isEqualTo(collective - 1);
            assertThat(collectiveIn(docx(API + "/report.docx")))
                    .as("the published report stays the final one")
                    .isEqualTo(collective);
            assertThat(collectiveIn(docx(API + "/report.docx?revision=1"))).isEqualTo(collective);

            JsonNode history = json.readTree(body(get(API + "/report/history"), "leader"));
            assertThat(history).hasSize(2);
            List<String> actions = new ArrayList<>();
            history.get(1)
                    .get("decisions")
                    .forEach(d -> actions.add(d.get("action").asString()));
            assertThat(actions).containsExactly("创建草稿", "提交定稿", "组长定稿", "重新打开");
            assertThat(history.get(1).get("decisions").get(3).get("comment").asString())
                    .isEqualTo("补充全年数据");

            JsonNode frozen = json.readTree(body(get(API + "/report/revisions/1"), "leader"));
            assertThat(frozen.get("status").asString()).isEqualTo("FINAL");
            for (JsonNode f : frozen.get("figures")) {
                if (f.get("key").asString().equals("sessions.collective")) {
                    assertThat(f.get("value").asString()).isEqualTo(String.valueOf(collective));
                }
            }
            String page = body(get("/report/revisions/1"), "leader");
            assertThat(page).contains("定稿时冻结的指标").contains("id=\"snapshot\"");
        } finally {
            jdbc.sql("update session_study_session set status = 'HELD' where id = ?")
                    .param(held)
                    .update();
        }
    }

    @Test
    void finalDocxHasTheOfficialLayoutAndTheFiguresOfTheApi() throws Exception {
        JsonNode report = report("clerk");
        report = decide("clerk", "submit", report.get("version").longValue(), null, 200);
        decide("leader", "finalise", report.get("version").longValue(), null, 200);
        byte[] bytes = docx(API + "/report.docx");
        Map<String, JsonNode> figures = figures();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs().stream()
                    .filter(p -> !p.getText().isBlank())
                    .toList();
            XWPFParagraph title = paragraphs.get(0);
            assertThat(title.getText().replace("\n", "")).isEqualTo(TITLE);
            runs(title, "方正小标宋简体", 22);
            for (XWPFParagraph p : paragraphs.subList(1, paragraphs.size())) {
                assertThat(p.getSpacingLineRule()).isEqualTo(LineSpacingRule.EXACT);
                if (p.getText().matches("^[一二三四]、.*")) {
                    runs(p, "黑体", 16);
                } else if (p.getText().matches("^（[一二三四]）.*")) {
                    assertThat(p.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                            .isEqualTo("楷体_GB2312");
                    assertThat(p.getRuns().get(p.getRuns().size() - 1).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                            .isEqualTo("仿宋_GB2312");
                } else {
                    runs(p, "仿宋_GB2312", 16);
                }
            }
            CTPageMar margins = doc.getDocument().getBody().getSectPr().getPgMar();
            assertThat(twips(margins.getTop())).isBetween(2096L, 2100L);
            assertThat(twips(margins.getBottom())).isBetween(1982L, 1986L);
            assertThat(twips(margins.getLeft())).isBetween(1585L, 1589L);
            assertThat(twips(margins.getRight())).isBetween(1472L, 1476L);
            assertThat(twips(doc.getDocument().getBody().getSectPr().getPgSz().getW()))
                    .isEqualTo(11906L);
            XWPFHeaderFooterPolicy policy = doc.getHeaderFooterPolicy();
            for (var footer : List.of(policy.getDefaultFooter(), policy.getEvenPageFooter())) {
                StringBuilder instr = new StringBuilder();
                footer.getParagraphs()
                        .forEach(p -> p.getRuns().forEach(r -> {
                            for (CTText t : r.getCTR().getInstrTextList()) {
                                instr.append(t.getStringValue());
                            }
                        }));
                assertThat(instr.toString().trim()).isEqualTo("PAGE");
                assertThat(footer.getText()).contains("—");
            }
            String text = text(bytes);
            assertThat(text)
                    .contains("共组织集体学习"
                            + figures.get("sessions.collective").get("value").asString() + "次")
                    .contains("开展专题研讨"
                            + figures.get("sessions.discussion").get("value").asString() + "次")
                    .contains("学习内容"
                            + figures.get("firsttopic.items").get("value").asString() + "项")
                    .contains("旁听指导"
                            + figures.get("supervision.visits").get("value").asString() + "场次")
                    .contains("中共X局党组")
                    .contains("2025年12月31日")
                    .doesNotContain("{{")
                    .doesNotContain("null");
        }
    }

    @Test
    @Requires({Tool.SOFFICE, Tool.PDFTOTEXT, Tool.PDFFONTS})
    void pdfIsRenderedWithTheTitleFiguresAndEmbeddedCjkFonts() throws Exception {
        report("clerk");
        byte[] pdf = mvc.perform(get(API + "/report.pdf").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Path file = Files.createTempFile("report-", ".pdf");
        try {
            Files.write(file, pdf);
            String text =
                    run("pdftotext", "-enc", "UTF-8", file.toString(), "-").replaceAll("\\s+", "");
            assertThat(text).contains(TITLE.replace(" ", ""));
            assertThat(text).contains("共组织集体学习" + figure("sessions.collective") + "次");
            String fonts = run("pdffonts", file.toString());
            // each official font through fonts.conf: 小标宋 title → Noto Serif CJK Bold, 仿宋 body → Noto Serif CJK,
            // 黑体 一、 → Noto Sans CJK, 楷体 （一） → AR PL UKai
            assertThat(fonts)
                    .containsPattern("NotoSerifCJK\\S*-Bold")
                    .containsPattern("NotoSerifCJK\\S*-Regular")
                    .contains("NotoSansCJK")
                    .contains("UKai");
            for (String line : fonts.split("\n")) {
                if (line.contains("CJK") || line.contains("UKai")) {
                    assertThat(line).as("embedded: %s", line).contains(" yes ");
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void problemsDraftProposesWithEvidenceAndKeptOnesBecomeNumberedParagraphs() throws Exception {
        report("clerk");
        JsonNode report = json.readTree(mvc.perform(post(API + "/report/proposals")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        List<JsonNode> problems = new ArrayList<>();
        List<JsonNode> next = new ArrayList<>();
        report.get("proposals").forEach(p -> (p.get("section").asString().equals("三") ? problems : next).add(p));
        assertThat(problems).as("the demo year has shortfalls").isNotEmpty();
        assertThat(next).isNotEmpty();
        assertThat(problems.get(0).get("evidence")).isNotEmpty();
        assertThat(problems.get(0).get("evidence").get(0).get("url").asString()).startsWith("/");

        JsonNode first = problems.get(0);
        mvc.perform(post("/report/proposals/" + first.get("id").longValue() + "/keep")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("version", first.get("version").asString())
                        .param("text", "学习成果转化还不够。经核对，全年集体学习{{sessions.collective}}次，仍需加强。"))
                .andExpect(status().is3xxRedirection());
        if (problems.size() > 1) {
            JsonNode second = problems.get(1);
            mvc.perform(post("/report/proposals/" + second.get("id").longValue() + "/drop")
                            .with(as(accounts, "clerk"))
                            .with(csrf().asHeader())
                            .param("version", second.get("version").asString()))
                    .andExpect(status().is3xxRedirection());
        }

        JsonNode after = report("clerk");
        List<JsonNode> section3 = new ArrayList<>();
        after.get("blocks").forEach(b -> {
            if (b.get("section").asString().equals("三")) {
                section3.add(b);
            }
        });
        assertThat(section3).anySatisfy(b -> {
            assertThat(b.get("kind").asString()).isEqualTo("HEADING2");
            assertThat(b.get("heading").asString()).isEqualTo("（一）学习成果转化还不够。");
            assertThat(b.get("fromProposal").asBoolean()).isTrue();
        });
        assertThat(section3)
                .noneSatisfy(b -> assertThat(b.get("body").asString()).isEqualTo("【待补充】"));
        Map<Long, String> statuses = new HashMap<>();
        after.get("proposals")
                .forEach(p ->
                        statuses.put(p.get("id").longValue(), p.get("status").asString()));
        assertThat(statuses.get(first.get("id").longValue())).isEqualTo("KEPT");
        if (problems.size() > 1) {
            assertThat(statuses.get(problems.get(1).get("id").longValue())).isEqualTo("DROPPED");
        }
        assertThat(text(docx(API + "/report.docx")))
                .contains("（一）学习成果转化还不够。经核对，全年集体学习" + figure("sessions.collective") + "次");

        // generating again keeps the decisions
        mvc.perform(post(API + "/report/proposals").with(as(accounts, "clerk")).with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.proposals[?(@.id == " + first.get("id").longValue() + ")].status")
                        .value("KEPT"));
    }

    @Test
    void problemsDraftProposesOneParagraphPerRuleFindingCitingItsRecords() throws Exception {
        report("clerk");
        JsonNode report = json.readTree(mvc.perform(post(API + "/report/proposals")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        Map<String, JsonNode> problems = new HashMap<>();
        Map<String, JsonNode> nextSteps = new HashMap<>();
        report.get("proposals")
                .forEach(p -> (p.get("section").asString().equals("三") ? problems : nextSteps)
                        .put(p.get("sourceKey").asString().split("#")[0], p));

        assertThat(problems)
                .as("the demo year's rule findings, each proposed for 三 and 四")
                .containsKeys(
                        "research.adoption",
                        "writings.perMember",
                        "supervision.coverage",
                        "tracking.overdue",
                        "attendance.makeUp",
                        "speech.perMember");
        assertThat(nextSteps.keySet()).containsAll(problems.keySet());

        JsonNode adoption = problems.get("research.adoption");
        long proposed = jdbc.sql("select count(*) from research_recommendation r join org_unit o on o.id = r.org_id"
                        + " where o.code = 'XJ' and r.proposed_on between '2025-01-01' and '2025-12-31'")
                .query(Long.class)
                .single();
        assertThat(adoption.get("finding").asString()).contains("对策建议" + proposed + "条");
        assertThat(adoption.get("body").asString()).contains("学用");
        assertThat(adoption.get("evidence")).isNotEmpty();
        adoption.get("evidence")
                .forEach(e -> assertThat(e.get("url").asString()).startsWith("/research/"));
        String neverVisited = jdbc.sql("select name from org_unit where code = 'XJ-06'")
                .query(String.class)
                .single();
        assertThat(problems.get("supervision.coverage").get("finding").asString())
                .contains(neverVisited);
        assertThat(problems.get("writings.perMember").get("evidence")).isNotEmpty();
    }

    @Test
    void aValidUserTemplateIsStoredAndFilledAndAnInvalidOneIsRefusedWithItsTags() throws Exception {
        report("clerk");
        long filesBefore = count("common_stored_file");
        mvc.perform(multipart(API + "/report/templates")
                        .file(new MockMultipartFile(
                                "file",
                                "坏模板.docx",
                                MediaType.APPLICATION_OCTET_STREAM_VALUE,
                                template("集体学习{{sessions.collective}}次，{{no.such}}，{{@logo}}")))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("{{no.such}}")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("{{@logo}}")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("未保存")));
        assertThat(count("common_stored_file")).isEqualTo(filesBefore);
        assertThat(count("report_template")).isZero();

        String created = mvc.perform(multipart(API + "/report/templates")
                        .file(
                                new MockMultipartFile(
                                        "file",
                                        "我的模板.docx",
                                        MediaType.APPLICATION_OCTET_STREAM_VALUE,
                                        template(
                                                "{{org.issuer}}{{year}}年集体学习{{sessions.collective}}次，自学{{selfstudy.hours|超过}}学时。问题：{{problems}}")))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long templateId = json.readTree(created).get("id").longValue();
        JsonNode report = report("clerk");
        mvc.perform(post("/report/template")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("version", report.get("version").asString())
                        .param("templateId", String.valueOf(templateId)))
                .andExpect(status().is3xxRedirection());
        String text = text(docx(API + "/report.docx"));
        assertThat(text)
                .contains("X局党组2025年集体学习" + figure("sessions.collective") + "次")
                .contains("问题：")
                .doesNotContain("{{");
    }

    @Test
    void memberMayNotOpenTheReportAndOthersMayNotChangeIt() throws Exception {
        mvc.perform(get("/report").with(as(accounts, "member"))).andExpect(status().isForbidden());
        mvc.perform(get(API + "/report").with(as(accounts, "member"))).andExpect(status().isForbidden());
        JsonNode report = report("clerk");
        JsonNode opening = block(report, "开头");
        mvc.perform(put(API + "/report/blocks/" + opening.get("id").longValue())
                        .with(as(accounts, "leader"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(
                                Map.of("version", opening.get("version").longValue(), "body", "组长改"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/report/submit")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .param("version", report.get("version").asString()))
                .andExpect(status().isForbidden());
    }

    @Test
    void unitClerkOfXj01CannotSeeOrChangeXjReport() throws Exception {
        JsonNode report = report("clerk");
        JsonNode opening = block(report, "开头");
        RequestPostProcessor unitclerk = as(accounts, "unitclerk");
        mvc.perform(get(API + "/report").with(unitclerk)).andExpect(status().isNotFound());
        mvc.perform(get(API + "/report.docx").with(unitclerk)).andExpect(status().isNotFound());
        mvc.perform(get(API + "/report/revisions/1").with(unitclerk)).andExpect(status().isNotFound());
        mvc.perform(put(API + "/report/blocks/" + opening.get("id").longValue())
                        .with(unitclerk)
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(
                                Map.of("version", opening.get("version").longValue(), "body", "越权修改"))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/context")
                        .with(unitclerk)
                        .with(csrf().asHeader())
                        .param("orgCode", "XJ")
                        .param("year", "2025"))
                .andExpect(status().isNotFound());
        String page = body(get("/report"), "unitclerk");
        assertThat(page).doesNotContain("X局党组关于").contains("年度理论学习中心组学习情况报告");
        assertThat(block(report("clerk"), "开头").get("body").asString())
                .isEqualTo(opening.get("body").asString());
    }

    @Test
    void editorPageShowsTokensAsLinksAndMissingFiguresHighlighted() throws Exception {
        String page = body(get("/report"), "clerk");
        assertThat(page)
                .contains("data-key=\"org.issuer\">X局党组</span>关于")
                .contains("年度理论学习中心组学习情况报告")
                .contains("class=\"figure-token\" href=\"/figures/sessions.collective\"")
                .contains("提交定稿")
                .contains("生成问题草稿")
                .contains("下载 .docx");
        assertThat(page).contains("<mark class=\"missing\"");
        String leaderPage = body(get("/report"), "leader");
        assertThat(leaderPage).doesNotContain("id=\"submit-report\"").doesNotContain("name=\"body\"");
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode report(String user) throws Exception {
        return json.readTree(body(get(API + "/report"), user));
    }

    private JsonNode decide(String user, String action, long version, String reason, int expected) throws Exception {
        Map<String, Object> payload = new HashMap<>();
        payload.put("version", version);
        if (reason != null) {
            payload.put("reason", reason);
        }
        if (action.equals("submit")) {
            payload.put("confirmedGaps", gapIds(json.readTree(body(get(API + "/report"), user))));
        }
        String answer = mvc.perform(post(API + "/report/" + action)
                        .with(as(accounts, user))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(payload)))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return expected == 200 ? json.readTree(answer) : null;
    }

    /** Every gap the report still has: the clerk confirms each one when submitting. */
    static List<String> gapIds(JsonNode report) {
        List<String> ids = new java.util.ArrayList<>();
        report.get("gaps").forEach(g -> ids.add(g.get("id").asString()));
        return ids;
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user)
            throws Exception {
        return mvc.perform(request.with(as(accounts, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static JsonNode block(JsonNode report, String section) {
        for (JsonNode b : report.get("blocks")) {
            if (b.get("section").asString().equals(section)) {
                return b;
            }
        }
        throw new AssertionError("no block in section " + section);
    }

    private byte[] docx(String url) throws Exception {
        return mvc.perform(get(url).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private Map<String, JsonNode> figures() throws Exception {
        Map<String, JsonNode> byKey = new HashMap<>();
        json.readTree(body(get(API + "/figures"), "clerk"))
                .forEach(f -> byKey.put(f.get("key").asString(), f));
        return byKey;
    }

    private long figure(String key) throws Exception {
        return figures().get(key).get("value").longValue();
    }

    private long collectiveIn(byte[] docx) throws Exception {
        Matcher m = Pattern.compile("共组织集体学习(\\d+)次").matcher(text(docx));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    static String text(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    static byte[] template(String text) throws Exception {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static void runs(XWPFParagraph p, String font, int size) {
        for (XWPFRun run : p.getRuns()) {
            if (run.text().isEmpty()) {
                continue;
            }
            assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .as("font of '%s'", run.text())
                    .isEqualTo(font);
            assertThat(run.getFontSizeAsDouble()).as("size of '%s'", run.text()).isEqualTo(size);
        }
    }

    private static long twips(Object measure) {
        return measure instanceof BigInteger b ? b.longValue() : Long.parseLong(measure.toString());
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
