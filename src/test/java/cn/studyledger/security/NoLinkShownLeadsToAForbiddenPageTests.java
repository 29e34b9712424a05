package cn.studyledger.security;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * No link a page shows leads its user to a 403 (or a server error): for each demo role, every link of the home page
 * and of the pages it leads to, three clicks deep, is followed — one link of each shape (ids made alike), downloads
 * left out (they are files, not pages, and slow to make; the endpoint rules cover them) —
 * and none answers 403 or 5xx. A link the user may not follow is not shown.
 */
@IntegrationTest
@Transactional // opening a page may write first-time defaults (a report draft): rolled back
@DatabaseSnapshot.RestoredAfterEachTest // the first look at a year's findings commits in a transaction of its own
class NoLinkShownLeadsToAForbiddenPageTests {

    static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)");
    static final int DEPTH = 3;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "clerk",
                "leader",
                "deputy",
                "member",
                "unitclerk",
                "superior",
                "admin",
                "secadmin",
                "auditor",
                "observer"
            })
    void everyLinkShownOpens(String user) throws Exception {
        Set<String> shapes = new HashSet<>();
        List<String> broken = new ArrayList<>();
        Deque<Link> next = new ArrayDeque<>(List.of(new Link("/", "/", 0)));
        shapes.add("/");
        int followed = 0;
        while (!next.isEmpty()) {
            Link link = next.poll();
            MockHttpServletResponse response = mvc.perform(get(link.path()).with(as(accounts, user)))
                    .andReturn()
                    .getResponse();
            followed++;
            int status = response.getStatus();
            if (status == 403 || status >= 500) {
                broken.add(status + " " + link.path() + "（见于 " + link.shownOn() + "）");
                continue;
            }
            String type = response.getContentType();
            if (link.depth() == DEPTH || status != 200 || type == null || !type.startsWith("text/html")) {
                continue;
            }
            Matcher href = HREF.matcher(response.getContentAsString(StandardCharsets.UTF_8));
            while (href.find()) {
                String path = href.group(1).replace("&amp;", "&");
                if (followable(path) && shapes.add(shape(path))) {
                    next.add(new Link(path, link.path(), link.depth() + 1));
                }
            }
        }
        assertThat(followed).as("pages followed for %s", user).isGreaterThan(1);
        assertThat(broken).as("links shown to %s that refuse them", user).isEmpty();
    }

    /** Pages and downloads of the application; not its assets, not leaving it, not the slow PDF conversion. */
    private static boolean followable(String path) {
        return !path.startsWith("//")
                && !path.startsWith("/webjars/")
                && !path.startsWith("/assets/")
                && !path.startsWith("/logout")
                && !path.matches(".*\\.(pdf|docx|xlsx|zip)(\\?.*)?$");
    }

    /** The link with its ids made alike, so that one of many rows' links stands for them all. */
    private static String shape(String path) {
        return path.replaceAll("\\d+", "#");
    }

    private record Link(String path, String shownOn, int depth) {}
}
