package cn.studyledger.config;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Small things users notice: the tab shows the application's icon (also for a browser asking /favicon.ico, signed in
 * or not), and the figures page names figures in Chinese, never by their API keys (those are for the report editor's
 * token help).
 */
@IntegrationTest
@Transactional
class PagesSpeakToUsersTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void everyPageAndTheLoginPageCarryTheIconWhichAnyoneMayFetch() throws Exception {
        String link = "<link rel=\"icon\" type=\"image/svg+xml\" href=\"/assets/favicon.svg\">";
        mvc.perform(get("/login")).andExpect(content().string(Matchers.containsString(link)));
        assertThat(page("/sessions")).contains(link);
        mvc.perform(get("/assets/favicon.svg"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
        mvc.perform(get("/favicon.ico")).andExpect(redirectedUrl("/assets/favicon.svg"));
    }

    @Test
    void theFiguresPageShowsNoFigureKeys() throws Exception {
        String page = page("/figures");
        String text = page.replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]*>", " ");
        assertThat(page).contains("参学率");
        assertThat(text).doesNotContain("attendance.rate", "sessions.collective", "selfstudy.hours");
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
