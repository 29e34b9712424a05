package cn.studyledger.archive;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/** Fetches a streamed download through MockMvc (the body is written asynchronously). */
public final class Downloads {

    private Downloads() {}

    public static byte[] fetch(MockMvc mvc, RequestBuilder request) throws Exception {
        MvcResult started =
                mvc.perform(request).andExpect(request().asyncStarted()).andReturn();
        started.getAsyncResult(600_000);
        MvcResult done =
                mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn();
        return done.getResponse().getContentAsByteArray();
    }
}
