package cn.studyledger.security;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import jakarta.servlet.RequestDispatcher;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Input no form or API call may carry is refused with a clear 400 (or the form shown again with the message beside
 * the field) and nothing is stored: control characters and lone surrogates in text, record dates outside
 * 2000–2100, birth dates before 1920 or after today, page numbers and years out of range. Errors that reach the
 * error controller answer a problem detail under /api and the Chinese page elsewhere; the API takes its CSRF token
 * only from the header. Nothing here is committed: every refused write leaves the counts as they were.
 */
@IntegrationTest
class BadInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    long selfStudyEntries() {
        return jdbc.sql("select count(*) from selfstudy_entry")
                .query(Long.class)
                .single();
    }

    @Test
    void aNulByteInAFormFieldIsRefusedAndNotStored() throws Exception {
        long before = selfStudyEntries();
        mvc.perform(post("/selfstudy")
                        .param("date", "2025-05-20")
                        .param("hours", "2")
                        .param("content", "读《习近平谈治国理政》\u0000第四卷")
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不允许的控制字符")));
        assertThat(selfStudyEntries()).isEqualTo(before);
    }

    @Test
    void aLoneSurrogateOrNulInAJsonBodyIsRefusedAndNotStored() throws Exception {
        long before = selfStudyEntries();
        for (String text : new String[] {"\\ud800读原著", "读原著\\u0000", "读原著\\u0007"}) {
            mvc.perform(post("/api/v1/orgs/XJ/selfstudy")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"date\":\"2025-05-20\",\"hours\":2,\"content\":\"" + text + "\"}")
                            .with(as(accounts, "member"))
                            .with(csrf().asHeader()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/validation"))
                    .andExpect(jsonPath("$.detail").value(containsString("不允许的控制字符")));
        }
        assertThat(selfStudyEntries()).isEqualTo(before);
    }

    @Test
    void recordDatesOutsideTheConfiguredYearsAreRefused() throws Exception {
        long before = selfStudyEntries();
        for (String date : new String[] {"1999-12-31", "2101-01-01", "20250-01-01"}) {
            mvc.perform(post("/api/v1/orgs/XJ/selfstudy")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"date\":\"" + date + "\",\"hours\":2,\"content\":\"读原著\"}")
                            .with(as(accounts, "clerk"))
                            .with(csrf().asHeader()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(not(containsString("Exception"))));
        }
        mvc.perform(post("/api/v1/orgs/XJ/selfstudy")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"1999-12-31\",\"hours\":2,\"content\":\"读原著\"}")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(jsonPath("$.errors[0].message").value("日期须在 2000 年至 2100 年之间"));
        assertThat(selfStudyEntries()).isEqualTo(before);
    }

    @Test
    void aBirthDateBefore1920OrAfterTodayIsRefusedBesideTheField() throws Exception {
        long people =
                jdbc.sql("select count(*) from org_person").query(Long.class).single();
        for (String birth :
                new String[] {"1919-12-31", LocalDate.now().plusDays(2).toString()}) {
            mvc.perform(post("/people")
                            .param("org", "XJ")
                            .param("name", "测试出生日期")
                            .param("birthDate", birth)
                            .with(as(accounts, "clerk"))
                            .with(csrf().asHeader()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("出生日期")))
                    .andExpect(content().string(containsString("测试出生日期")));
        }
        mvc.perform(post("/people")
                        .param("org", "XJ")
                        .param("name", "测试出生日期")
                        .param("birthDate", "1919-12-31")
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(content().string(containsString("出生日期不能早于 1920-01-01")));
        assertThat(jdbc.sql("select count(*) from org_person").query(Long.class).single())
                .isEqualTo(people);
    }

    @Test
    void pageNumbersAndYearsOutOfRangeAre400NotAServerError() throws Exception {
        mvc.perform(get("/people").param("page", "2147483647").with(as(accounts, "clerk")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("页码须在 0 至 100000 之间")));
        mvc.perform(get("/api/v1/orgs/XJ/people").param("page", "-1").with(as(accounts, "clerk")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("页码须在 0 至 100000 之间"));
        mvc.perform(get("/api/v1/orgs/XJ/people").param("size", "100000").with(as(accounts, "clerk")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/orgs/XJ/years/99999/figures").with(as(accounts, "clerk")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("年度须在 2000 至 2100 之间"));
        mvc.perform(get("/api/v1/orgs/XJ/years/-1/figures").with(as(accounts, "clerk")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/orgs/XJ/people").param("page", "1").with(as(accounts, "clerk")))
                .andExpect(status().isOk());
    }

    @Test
    void theApiTakesTheCsrfTokenOnlyFromTheHeader() throws Exception {
        long before = selfStudyEntries();
        String body = "{\"date\":\"2025-05-20\",\"hours\":2,\"content\":\"令牌放在表单字段里\"}";
        mvc.perform(post("/api/v1/orgs/XJ/selfstudy")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(as(accounts, "member"))
                        .with(tokenAsFormField()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/forbidden"));
        assertThat(selfStudyEntries()).isEqualTo(before);
        // the page forms keep their hidden field
        mvc.perform(post("/context")
                        .param("orgCode", "XJ")
                        .param("year", "2025")
                        .with(as(accounts, "clerk"))
                        .with(tokenAsFormField()))
                .andExpect(status().is3xxRedirection());
    }

    private static RequestPostProcessor tokenAsFormField() {
        return csrf();
    }

    @Test
    void anErrorOutsideTheApiIsTheChinesePageWhateverTheClientAccepts() throws Exception {
        mvc.perform(get("/error")
                        .accept(MediaType.APPLICATION_JSON)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/login")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("boom")))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("系统内部错误，请稍后重试")))
                .andExpect(content().string(not(containsString("boom"))));
        mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://studyledger.cn/problems/not-found"))
                .andExpect(jsonPath("$.instance").value("/api/v1/nothing-here"));
    }
}
