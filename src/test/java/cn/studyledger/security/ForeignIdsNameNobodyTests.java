package cn.studyledger.security;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages leak nothing (issue 12, part 8): the clerk of XJ-01 sends the ids of people of other organisations (X局's
 * 组长 and a youth cadre, the 组长 of XJ-02) to every endpoint that takes person ids. Each is refused with a 4xx
 * whose answer names none of them and no other organisation — an id the user may not read is reported like one that
 * does not exist. Rolled back afterwards.
 */
@IntegrationTest
@Transactional
class ForeignIdsNameNobodyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    record Foreign(long id, String name) {}

    Foreign person(String orgCode, String condition) {
        return jdbc.sql("select p.id, p.name from org_person p join org_unit o on o.id = p.org_id where o.code = ? and "
                        + condition + " order by p.id")
                .param(orgCode)
                .query((rs, n) -> new Foreign(rs.getLong(1), rs.getString(2)))
                .list()
                .get(0);
    }

    String orgName(String code) {
        return jdbc.sql("select name from org_unit where code = ?")
                .param(code)
                .query(String.class)
                .single();
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void foreignPersonIdsAreRefusedWithoutNamingAnyoneOrAnyOtherOrganisation() throws Exception {
        Foreign leader = person("XJ", "p.name = '王建国'");
        Foreign youth = person("XJ", "p.youth_cadre = true");
        Foreign sibling = person("XJ-02", "p.id in (select m.person_id from org_membership m where m.role = 'LEADER')");
        List<String> secrets = List.of(leader.name(), youth.name(), sibling.name(), orgName("XJ-02"), orgName("XJ-03"));
        String unitclerk = "unitclerk";

        // Own records of XJ-01 to attach the foreign people to.
        String created = mvc.perform(json(
                        post("/api/v1/orgs/XJ-01/sessions")
                                .with(as(accounts, unitclerk))
                                .with(csrf().asHeader()),
                        """
                                {"title":"外单位人员测试","date":"2026-12-18","startTime":"09:00","durationHours":3,
                                 "format":"COLLECTIVE","agenda":[{"kind":"FIRST_TOPIC","title":"重要讲话"}]}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long session = ((Number) JsonPath.read(created, "$.id")).longValue();

        List<String> problems = new ArrayList<>();
        int sent = 0;
        for (Foreign f : List.of(leader, youth, sibling)) {
            long id = f.id();
            List<RequestBuilder> requests = List.of(
                    json(
                            post("/api/v1/orgs/XJ-01/youth-groups")
                                    .with(as(accounts, unitclerk))
                                    .with(csrf().asHeader()),
                            "{\"name\":\"测试小组" + id + "\",\"leaderPersonId\":" + id + ",\"memberPersonIds\":[" + id
                                    + "]}"),
                    json(
                            post("/api/v1/orgs/XJ-01/sessions")
                                    .with(as(accounts, unitclerk))
                                    .with(csrf().asHeader()),
                            """
                            {"title":"外单位主持人","date":"2026-12-19","startTime":"09:00","durationHours":3,
                             "format":"LECTURE","presiderPersonId":%d,"recorderPersonId":%d,"lecturerPersonId":%d,
                             "lectureTitle":"专题辅导","agenda":[{"kind":"FIRST_TOPIC","title":"重要讲话"}]}""".formatted(id, id, id)),
                    post("/api/v1/sessions/" + session + "/attendees/" + id)
                            .with(as(accounts, unitclerk))
                            .with(csrf().asHeader()),
                    json(
                            post("/api/v1/sessions/" + session + "/speeches")
                                    .with(as(accounts, unitclerk))
                                    .with(csrf().asHeader()),
                            "{\"personId\":" + id + ",\"kind\":\"EXCHANGE\",\"title\":\"交流体会\"}"),
                    post("/group")
                            .with(as(accounts, unitclerk))
                            .with(csrf().asHeader())
                            .param("personId", String.valueOf(id))
                            .param("role", "MEMBER"),
                    json(
                            post("/api/v1/orgs/XJ-01/research/topics")
                                    .with(as(accounts, unitclerk))
                                    .with(csrf().asHeader()),
                            "{\"year\":2025,\"title\":\"课题\",\"keyTask\":\"任务\",\"leadPersonId\":" + id + "}"),
                    json(
                            post("/api/v1/orgs/XJ-01/investigations")
                                    .with(as(accounts, unitclerk))
                                    .with(csrf().asHeader()),
                            "{\"year\":2025,\"theme\":\"调研\",\"leadPersonId\":" + id + ",\"memberIds\":[" + id + "]}"),
                    json(
                            post("/api/v1/orgs/XJ-01/years/2061/plan")
                                    .with(as(accounts, unitclerk))
                                    .with(csrf().asHeader()),
                            "{\"themes\":[\"专题\"],\"arrangements\":[{\"month\":3,\"topic\":\"主题\","
                                    + "\"format\":\"COLLECTIVE\",\"leadPersonId\":" + id + "}]}"),
                    json(
                            post("/api/v1/orgs/XJ-01/selfstudy")
                                    .with(as(accounts, unitclerk))
                                    .with(csrf().asHeader()),
                            "{\"personId\":" + id + ",\"date\":\"2025-05-06\",\"hours\":2,\"content\":\"自学\"}"),
                    json(
                            post("/api/v1/orgs/XJ-01/writings")
                                    .with(as(accounts, unitclerk))
                                    .with(csrf().asHeader()),
                            "{\"personId\":" + id + ",\"kind\":\"EXPERIENCE\",\"title\":\"体会\","
                                    + "\"writtenOn\":\"2025-05-06\"}"),
                    json(
                            post("/api/v1/orgs/XJ-01/books")
                                    .param("year", "2025")
                                    .with(as(accounts, unitclerk))
                                    .with(csrf().asHeader()),
                            "{\"personId\":" + id + ",\"title\":\"原著\",\"startedOn\":\"2025-05-06\"}"),
                    json(
                            post("/api/v1/orgs/XJ-01/online")
                                    .with(as(accounts, unitclerk))
                                    .with(csrf().asHeader()),
                            "{\"personId\":" + id + ",\"platform\":\"学习强国\",\"periodStart\":\"2025-01-01\","
                                    + "\"periodEnd\":\"2025-01-31\",\"personTimes\":1,\"points\":1}"));
            for (RequestBuilder request : requests) {
                MvcResult result = mvc.perform(request).andReturn();
                sent++;
                String what = result.getRequest().getRequestURI() + " with " + f.name() + " (#" + id + ")";
                int code = result.getResponse().getStatus();
                if (code < 400 || code >= 500) {
                    problems.add(what + ": answered " + code + " (not refused)");
                }
                String said = result.getResponse().getContentAsString() + " " + result.getFlashMap();
                for (String secret : secrets) {
                    if (said.contains(secret)) {
                        problems.add(what + ": the answer names “" + secret + "”: " + said);
                    }
                }
            }
        }
        assertThat(sent).isEqualTo(36);
        assertThat(problems).isEmpty();
    }
}
