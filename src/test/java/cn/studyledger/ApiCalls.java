package cn.studyledger;

import static cn.studyledger.Logins.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** API calls of a test as a demo account, with the CSRF header a browser's script sends. */
public record ApiCalls(MockMvc mvc, UserDetailsService accounts) {

    public ResultActions call(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(as(accounts, user)).with(csrf().asHeader()));
    }

    /** The answer's body, after checking its status. */
    public String body(MockHttpServletRequestBuilder request, String user, int expected) throws Exception {
        return call(request, user)
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String json) {
        return request.contentType(MediaType.APPLICATION_JSON).content(json);
    }
}
