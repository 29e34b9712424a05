package cn.studyledger.config;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A refused post from a page (a business rule, a permission, input that cannot be read) sends the user back to the
 * page the form is on, with the message and what they typed ({@link PageError}), instead of a bare error page; a
 * request that came from no page of ours still gets the error page with its status, the message shown once.
 */
@IntegrationTest
class RefusedPostsGoBackToTheirPageTests {

    static final String SESSION = "/sessions/13";
    static final String PAGE = "http://localhost" + SESSION;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void aKeySpeechWithoutItsOutlineGoesBackToTheSessionWithTheInputKept() throws Exception {
        MvcResult result = mvc.perform(speech("clerk", "2", "KEY").header("Referer", PAGE))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl(SESSION))
                .andReturn();

        PageError error = (PageError) result.getFlashMap().get(PageError.ATTRIBUTE);
        assertThat(error.message()).isEqualTo("重点发言须上传发言提纲");
        assertThat(error.action()).isEqualTo(SESSION + "/speeches");
        assertThat(error.input())
                .containsExactly(
                        new PageError.Field("personId", "2"),
                        new PageError.Field("kind", "KEY"),
                        new PageError.Field("title", "学习体会"));

        mvc.perform(get(SESSION).with(as(accounts, "clerk")).flashAttr(PageError.ATTRIBUTE, error))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"page-error\"")))
                .andExpect(content().string(containsString("data-action=\"/sessions/13/speeches\"")))
                .andExpect(content().string(containsString("<span data-name=\"title\">学习体会</span>")))
                .andExpect(content().string(containsString("name=\"title\"")));
    }

    @Test
    void aRefusalFromNoPageOfOursIsTheErrorPageWithItsMessageOnce() throws Exception {
        String page = mvc.perform(speech("clerk", "2", "KEY"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(not(containsString("alert-success"))))
                .andExpect(content().string(containsString("无法完成此操作")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page.split("重点发言须上传发言提纲", -1)).hasSize(2);
    }

    @Test
    void aPostTheUserMayNotMakeGoesBackWithTheReasonAndChangesNothing() throws Exception {
        MvcResult result = mvc.perform(speech("member", "2", "EXCHANGE").header("Referer", PAGE))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl(SESSION))
                .andReturn();
        PageError error = (PageError) result.getFlashMap().get(PageError.ATTRIBUTE);
        assertThat(error.message()).isEqualTo("您没有执行此操作的权限");
    }

    @Test
    void textWhereANumberBelongsGoesBackWithAMessageNotA500() throws Exception {
        MvcResult result = mvc.perform(speech("clerk", "abc", "EXCHANGE").header("Referer", PAGE))
                .andExpect(status().isSeeOther())
                .andReturn();
        PageError error = (PageError) result.getFlashMap().get(PageError.ATTRIBUTE);
        assertThat(error.message()).isEqualTo("填写的内容格式不正确，请检查后再提交");
        assertThat(error.input()).contains(new PageError.Field("personId", "abc"));
    }

    @Test
    void aRefererOfAnotherSiteSendsBackOnlyToOurOwnPath() throws Exception {
        mvc.perform(speech("clerk", "2", "KEY").header("Referer", "https://elsewhere.example" + SESSION))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl(SESSION));
        mvc.perform(speech("clerk", "2", "KEY").header("Referer", "//elsewhere.example/x"))
                .andExpect(redirectedUrl("/x"));
        mvc.perform(speech("clerk", "2", "KEY").header("Referer", "not a url"))
                .andExpect(status().isUnprocessableContent());
    }

    private MockMultipartHttpServletRequestBuilder speech(String user, String personId, String kind) {
        MockMultipartHttpServletRequestBuilder request = multipart(SESSION + "/speeches");
        request.param("personId", personId).param("kind", kind).param("title", "学习体会");
        request.with(as(accounts, user)).with(csrf());
        return request;
    }
}
