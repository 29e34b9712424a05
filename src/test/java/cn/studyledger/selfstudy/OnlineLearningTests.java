package cn.studyledger.selfstudy;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online learning (线上学习): the .xlsx import is all or nothing and names every bad row; the clerk also enters and
 * deletes single rows; {@code online.personTimes} is the sum of exactly its evidence.
 */
@IntegrationTest
@Transactional
class OnlineLearningTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importWithBadRowsListsEachBadRowWithItsReasonAndSavesNothing() throws Exception {
        long before = rows();
        long audits = audits();
        byte[] file = xlsx(
                List.of("张伟", "学习强国", "2025-10-01", "2025-10-31", "30", "600"), // row 2: fine
                List.of("查无此人", "学习强国", "2025-10-01", "2025-10-31", "30", "600"), // row 3
                List.of("刘芳", "学习强国", "2025-13-01", "2025-10-31", "30", "600"), // row 4: bad date
                List.of("杨丽", "学习强国", "2025-10-31", "2025-10-01", "30", "600"), // row 5: end before start
                List.of("赵磊", "学习强国", "2025-10-01", "2025-10-31", "-5", "600"), // row 6: negative
                List.of("孙海燕", "学习强国", "2025-01-01", "2025-03-31", "30", "600"), // row 7: exists (demo)
                List.of("张伟", "学习强国", "2025-10-01", "2025-10-31", "12", "100"), // row 8: repeats row 2
                List.of("黄立新", "学习强国", "2025-10-01", "2025-10-31", "10", "10"), // row 9: expert, not in group
                List.of("陈志强", "学习强国", "2025-10-01", "2025-10-31", "2.5", "10")); // row 10: not an integer

        importAs("clerk", file)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("导入失败，未保存任何数据")))
                .andExpect(content().string(containsString("第 3 行：</span><span>“查无此人”不是2025年度本单位中心组成员")))
                .andExpect(content().string(containsString("第 4 行：</span><span>开始日期“2025-13-01”格式不对")))
                .andExpect(content().string(containsString("第 5 行：</span><span>结束日期不能早于开始日期")))
                .andExpect(content().string(containsString("第 6 行：</span><span>人次不能为负数")))
                .andExpect(content()
                        .string(containsString("第 7 行：</span><span>“孙海燕”在“学习强国” 2025-01-01至2025-03-31 的记录已存在")))
                .andExpect(content().string(containsString("第 8 行：</span><span>与表中前面的行重复")))
                .andExpect(content().string(containsString("第 9 行：</span><span>“黄立新”不是2025年度本单位中心组成员")))
                .andExpect(content().string(containsString("第 10 行：</span><span>人次应为整数")))
                .andExpect(content().string(not(containsString("第 2 行"))));

        assertThat(rows()).isEqualTo(before);
        assertThat(audits()).isEqualTo(audits);
    }

    @Test
    void goodImportSavesEveryRowAndTheFigureGrowsByItsPersonTimes() throws Exception {
        BigDecimal figure = figure();
        long before = rows();
        byte[] file = xlsx(
                List.of("张伟", "学习强国", LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30), "41", "820"),
                List.of("王建国", "干部网络学院", "2025/11/01", "2025/11/30", "19", ""),
                List.of("李明华", "学习强国", "2025-11-01", "2025-11-30", "0", "0"));

        importAs("clerk", file)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已导入 <span>3</span> 条，合计 <span>60</span> 人次")));

        assertThat(rows()).isEqualTo(before + 3);
        assertThat(figure()).isEqualByComparingTo(figure.add(new BigDecimal(60)));
        assertThat(jdbc.sql("select points from selfstudy_online_learning where platform = '干部网络学院'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from common_audit_event where object_type = '线上学习'"
                                + " and summary like '导入线上学习 3 条（XJ），合计60人次'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void fileThatIsNotAnXlsxIsRefusedWithAClearMessage() throws Exception {
        long before = rows();
        importAs("clerk", "姓名,平台\n张伟,学习强国\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("无法读取文件，请上传 .xlsx 格式的 Excel 文件")));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void apiImportAnswersAProblemListingTheBadRows() throws Exception {
        long before = rows();
        mvc.perform(multipart("/api/v1/orgs/XJ/online/import")
                        .file(new MockMultipartFile(
                                "file",
                                "线上学习.xlsx",
                                XLSX,
                                xlsx(List.of("查无此人", "学习强国", "2025-12-01", "2025-12-31", "3", "3"))))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("导入失败，未保存任何数据"))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].reason").value("“查无此人”不是2025年度本单位中心组成员"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void clerkEntersAndDeletesASingleRowOnThePages() throws Exception {
        long zhangWei = person("张伟");
        mvc.perform(post("/online")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("personId", String.valueOf(zhangWei))
                        .param("platform", "中国干部网络学院")
                        .param("periodStart", "2025-12-01")
                        .param("periodEnd", "2025-12-31")
                        .param("personTimes", "7")
                        .param("points", "70"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/online"));
        long id = jdbc.sql("select id from selfstudy_online_learning where platform = '中国干部网络学院'")
                .query(Long.class)
                .single();

        // the same person, platform and period again is refused on the form
        mvc.perform(post("/online")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("personId", String.valueOf(zhangWei))
                        .param("platform", "中国干部网络学院")
                        .param("periodStart", "2025-12-01")
                        .param("periodEnd", "2025-12-31")
                        .param("personTimes", "7")
                        .param("points", "70"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("同一期间的记录已存在")));
        mvc.perform(post("/online")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader())
                        .param("personId", String.valueOf(zhangWei))
                        .param("platform", "学习强国")
                        .param("periodStart", "2025-12-01")
                        .param("periodEnd", "2025-12-31")
                        .param("personTimes", "-1")
                        .param("points", "70"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("人次不能为负数")));

        mvc.perform(post("/online/" + id + "/delete")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from selfstudy_online_learning where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void personTimesFigureIsTheSumOfItsEvidenceAndOfAnIndependentSum() throws Exception {
        String evidence = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures/online.personTimes/evidence")
                        .with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Number> amounts = JsonPath.read(evidence, "$[*].amount");
        long sum = amounts.stream().mapToLong(Number::longValue).sum();
        assertThat(figure()).isEqualByComparingTo(new BigDecimal(sum));
        assertThat(jdbc.sql("""
                        select coalesce(sum(l.person_times), 0) from selfstudy_online_learning l
                          join org_unit o on o.id = l.org_id
                         where o.code = 'XJ' and l.period_start between '2025-01-01' and '2025-12-31'""").query(Long.class).single()).isEqualTo(sum);
        assertThat((long) amounts.size())
                .isEqualTo(jdbc.sql("""
                                select count(*) from selfstudy_online_learning l join org_unit o on o.id = l.org_id
                                 where o.code = 'XJ' and l.period_start between '2025-01-01' and '2025-12-31'""").query(Long.class).single());
        // demo: every member on 学习强国 each quarter
        assertThat(amounts.size()).isGreaterThanOrEqualTo(36);
    }

    @Test
    void memberCannotOpenTheClerksPagesAndSeesOnlyOwnRows() throws Exception {
        mvc.perform(get("/online/import").with(as(accounts, "member"))).andExpect(status().isForbidden());
        mvc.perform(get("/online/new").with(as(accounts, "member"))).andExpect(status().isForbidden());
        importAs("member", xlsx(List.of("张伟", "学习强国", "2025-12-01", "2025-12-31", "3", "3")))
                .andExpect(status().isForbidden());
        String own = mvc.perform(get("/api/v1/orgs/XJ/online")
                        .param("year", "2025")
                        .param("size", "100")
                        .with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Number> people = JsonPath.read(own, "$.items[*].personId");
        assertThat(people)
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.longValue()).isEqualTo(person("张伟")));
    }

    @Test
    void clerkOfASubordinateUnitCannotReadImportOrDeleteTheBureausRows() throws Exception {
        long before = rows();
        long id = jdbc.sql("select min(l.id) from selfstudy_online_learning l join org_unit o on o.id = l.org_id"
                        + " where o.code = 'XJ'")
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/orgs/XJ/online").param("year", "2025").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/v1/orgs/XJ/online/import")
                        .file(new MockMultipartFile(
                                "file",
                                "线上学习.xlsx",
                                XLSX,
                                xlsx(List.of("张伟", "学习强国", "2025-12-01", "2025-12-31", "3", "3"))))
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/online/" + id)
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/online/" + id + "/delete")
                        .with(as(accounts, "unitclerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().isNotFound());
        // on the pages the unit clerk works on XJ-01, where none of the bureau's rows appear
        mvc.perform(get("/online").with(as(accounts, "unitclerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本年度暂无线上学习记录")));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void pagesRenderForTheClerkTheLeaderAndTheMember() throws Exception {
        mvc.perform(get("/online/new").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("学习强国")));
        mvc.perform(get("/online/import").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("姓名 | 平台 | 开始日期 | 结束日期 | 人次 | 积分")));
        mvc.perform(get("/online").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("import-online")));
        mvc.perform(get("/online").with(as(accounts, "leader")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("import-online"))))
                .andExpect(content().string(containsString("全部成员")));
        mvc.perform(get("/online").with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("学习强国")));
    }

    private ResultActions importAs(String username, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/online/import")
                .file(new MockMultipartFile("file", "线上学习.xlsx", XLSX, bytes))
                .with(as(accounts, username))
                .with(csrf().asHeader()));
    }

    /** A workbook with the import header and these rows; a LocalDate becomes a real Excel date cell. */
    @SafeVarargs
    static byte[] xlsx(List<?>... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("线上学习");
        String[] header = {"姓名", "平台", "开始日期", "结束日期", "人次", "积分"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].size(); c++) {
                Object value = rows[r].get(c);
                if (value instanceof LocalDate date) {
                    sheet.value(r + 1, c, date);
                    sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                } else if (!"".equals(value)) {
                    sheet.value(r + 1, c, (String) value);
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    private BigDecimal figure() throws Exception {
        String json = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Object> values = JsonPath.read(json, "$[?(@.key=='online.personTimes')].value");
        return new BigDecimal(values.get(0).toString());
    }

    private long rows() {
        return jdbc.sql("select count(*) from selfstudy_online_learning")
                .query(Long.class)
                .single();
    }

    private long audits() {
        return jdbc.sql("select count(*) from common_audit_event where object_type = '线上学习'")
                .query(Long.class)
                .single();
    }

    private long person(String name) {
        return jdbc.sql("select p.id from org_person p join org_unit o on o.id = p.org_id"
                        + " where o.code = 'XJ' and p.name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }
}
