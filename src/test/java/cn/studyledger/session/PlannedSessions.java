package cn.studyledger.session;

import static cn.studyledger.Logins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** A planned session of its own for a test, created through the API by the organisation's clerk. */
final class PlannedSessions {

    private PlannedSessions() {}

    /** A planned session of {@code org} titled {@code title} on the given day and time; its id. */
    static long create(
            MockMvc mvc,
            UserDetailsService accounts,
            String org,
            String clerk,
            String title,
            LocalDate date,
            LocalTime start)
            throws Exception {
        String body = """
                {"title":"%s","date":"%s","startTime":"%s","durationHours":3,"format":"COLLECTIVE",
                 "agenda":[{"kind":"FIRST_TOPIC","title":"重要讲话"}]}""".formatted(title, date, start.withSecond(0).withNano(0));
        String json = mvc.perform(post("/api/v1/orgs/" + org + "/sessions")
                        .with(as(accounts, clerk))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
