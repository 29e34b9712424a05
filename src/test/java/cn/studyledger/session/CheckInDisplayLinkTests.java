package cn.studyledger.session;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meeting-room screen's display link (ParticipationController, ParticipationService.display): the clerk's
 * check-in screen offers it, it opens without signing in and shows the session's title, date and rotating codes
 * only, no menu and no 退出; a wrong, forged or other session's token finds nothing (404), and the link stops once
 * the session is held.
 */
@IntegrationTest
@Transactional
class CheckInDisplayLinkTests {

    private static final Pattern LINK =
            Pattern.compile("id=\"display-url\"[^>]*value=\"http://localhost/display/checkin/([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("id=\"typed-code\">([A-Z0-9]{6})<");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    /** A week ahead, so still planned. */
    final LocalDate day = LocalDate.now().plusDays(7);

    long plannedSession(String org, String clerk, String title) throws Exception {
        return PlannedSessions.create(mvc, accounts, org, clerk, title, day, LocalTime.of(9, 0));
    }

    /** The display link's token as the clerk's check-in screen shows it. */
    String displayToken(long session, String clerk) throws Exception {
        String screen = mvc.perform(
                        get("/sessions/" + session + "/checkin-screen").with(as(accounts, clerk)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher link = LINK.matcher(screen);
        assertThat(link.find()).as("the clerk's screen shows the display link").isTrue();
        assertThat(screen).contains("href=\"http://localhost/display/checkin/" + link.group(1) + "\"");
        return link.group(1);
    }

    @Test
    void theDisplayLinkShowsTheSessionsCodesToAnyoneAndNothingElse() throws Exception {
        long session = plannedSession("XJ", "clerk", "投屏链接测试");
        String token = displayToken(session, "clerk");

        String page = mvc.perform(get("/display/checkin/" + token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("投屏链接测试", day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日");
        Matcher code = CODE.matcher(page);
        assertThat(code.find()).isTrue();
        assertThat(page)
                .as("no menu, no 退出, no counts or names, no other session")
                .doesNotContain("id=\"menu\"", "退出", "/logout", "已签到", "应到", "/sessions", "王建国", "张伟");
        assertThat(page).contains("/display/checkin/" + token + "/qr.png");

        mvc.perform(get("/display/checkin/" + token + "/qr.png"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG));
        mvc.perform(get("/display/checkin/" + token).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(startsWith("<div id=\"code\"")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "abc",
                "0-00000000000000000000000000000000",
                "99999999-0123456789abcdef0123456789abcdef",
                "1-zz",
                "投屏",
                "12345678901234567890123-0123456789abcdef0123456789abcdef"
            })
    void aTokenOfNoSessionFindsNothing(String token) throws Exception {
        mvc.perform(get("/display/checkin/" + token))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("退出"))));
        mvc.perform(get("/display/checkin/" + token + "/qr.png")).andExpect(status().isNotFound());
    }

    @Test
    void aForgedTokenOrOneMovedToAnotherSessionFindsNothing() throws Exception {
        long ours = plannedSession("XJ", "clerk", "本单位投屏");
        long theirs = plannedSession("XJ-01", "unitclerk", "下属单位投屏");
        String token = displayToken(ours, "clerk");
        String mac = token.substring(token.indexOf('-') + 1);

        char last = mac.charAt(mac.length() - 1);
        String forged = ours + "-" + mac.substring(0, mac.length() - 1) + (last == '0' ? '1' : '0');
        mvc.perform(get("/display/checkin/" + forged)).andExpect(status().isNotFound());
        mvc.perform(get("/display/checkin/" + forged.toUpperCase())).andExpect(status().isNotFound());
        mvc.perform(get("/display/checkin/" + theirs + "-" + mac)).andExpect(status().isNotFound());
        mvc.perform(get("/display/checkin/" + theirs + "-" + mac + "/qr.png")).andExpect(status().isNotFound());

        // the other organisation's clerk gets no display link of our session, and their own link shows theirs only
        mvc.perform(get("/sessions/" + ours + "/checkin-screen").with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
        String page = mvc.perform(get("/display/checkin/" + displayToken(theirs, "unitclerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("下属单位投屏").doesNotContain("本单位投屏");
    }

    @Test
    void theDisplayLinkStopsOnceTheSessionIsHeld() throws Exception {
        long session = plannedSession("XJ", "clerk", "已举行后投屏");
        String token = displayToken(session, "clerk");
        mvc.perform(get("/display/checkin/" + token)).andExpect(status().isOk());

        // the state the clerk's 标记已举行 leaves (which first needs every attendance recorded)
        jdbc.sql("update session_study_session set status = 'HELD' where id = ?")
                .param(session)
                .update();
        mvc.perform(get("/display/checkin/" + token)).andExpect(status().isNotFound());
        mvc.perform(get("/display/checkin/" + token + "/qr.png")).andExpect(status().isNotFound());
    }
}
