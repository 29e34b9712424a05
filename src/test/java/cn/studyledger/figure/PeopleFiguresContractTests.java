package cn.studyledger.figure;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/orgs/{orgCode}/years/{year}/people/figures}: a row per member of the year's group, each value
 * as the records count it (checked here with SQL of its own) and with the records behind it; a member reads only their
 * own row, another organisation nothing; the 学习档案 shows the same numbers. Run by a subclass per database.
 */
@Transactional
abstract class PeopleFiguresContractTests {

    static final String API = "/api/v1/orgs/XJ/years/2025/people/figures";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void everyMembersRowCountsTheirRecords() throws Exception {
        JsonNode rows = rows("clerk");
        List<Long> members = jdbc.sql("""
                        select m.person_id from org_membership m join org_unit o on o.id = m.org_id
                         where o.code = 'XJ' and m.study_year = 2025 and m.role <> 'SECRETARY'""").query(Long.class).list();
        assertThat(rows).hasSize(members.size());
        assertThat(rows.size()).isGreaterThan(1);
        boolean someoneSpoke = false;
        boolean someoneLed = false;
        boolean someoneEvaluated = false;
        boolean someoneTookATest = false;
        for (JsonNode row : rows) {
            long person = row.get("personId").asLong();
            assertThat(members).contains(person);
            Map<String, JsonNode> values = values(row);
            assertThat(number(values, "presided"))
                    .as("presided of " + person)
                    .isEqualTo(held(person, "s.presider_person_id = :p"));
            assertThat(number(values, "evaluated"))
                    .isEqualTo(held(person, "s.evaluation is not null and s.evaluated_by_person_id = :p"));
            assertThat(number(values, "expected")).isEqualTo(attendances(person, "1 = 1"));
            assertThat(number(values, "attended")).isEqualTo(attendances(person, "a.status = 'PRESENT'"));
            assertThat(number(values, "leaves")).isEqualTo(attendances(person, "a.status = 'LEAVE'"));
            assertThat(number(values, "keySpeeches")).isEqualTo(speeches(person, "KEY"));
            assertThat(number(values, "exchangeSpeeches")).isEqualTo(speeches(person, "EXCHANGE"));
            assertThat(number(values, "led")).isEqualTo(led(person));
            assertThat(number(values, "writings")).isEqualTo(writings(person, "w.kind <> 'SPEECH'"));
            assertThat(number(values, "experienceWritings")).isEqualTo(writings(person, "w.kind = 'EXPERIENCE'"));
            assertThat(number(values, "testsTaken"))
                    .as("testsTaken of " + person)
                    .isEqualTo(testsTaken(person));
            someoneTookATest |= number(values, "testsTaken") > 0;
            assertThat(new BigDecimal(values.get("selfStudyHours").get("value").asString()))
                    .isEqualByComparingTo(hours(person));
            someoneSpoke |= number(values, "keySpeeches") > 0;
            someoneLed |= number(values, "led") > 0;
            someoneEvaluated |= number(values, "evaluated") > 0;
        }
        // the demo year exercises each kind of count, so an always-zero value would not pass unnoticed
        assertThat(someoneSpoke).isTrue();
        assertThat(someoneLed).isTrue();
        assertThat(someoneEvaluated).isTrue();
        assertThat(someoneTookATest).isTrue();
    }

    @Test
    void eachValueListsTheRecordsBehindIt() throws Exception {
        JsonNode leader = rows("clerk")
                .valueStream()
                .filter(r -> r.get("groupRole").asString().equals("LEADER"))
                .findFirst()
                .orElseThrow();
        Map<String, JsonNode> values = values(leader);
        assertThat(number(values, "presided")).isPositive();
        for (String key : List.of("presided", "attended", "keySpeeches", "writings", "selfStudyHours")) {
            String url = values.get(key).get("evidence").asString();
            assertThat(url)
                    .isEqualTo("/api/v1/orgs/XJ/years/2025/people/"
                            + leader.get("personId").asLong() + "/figures/" + key + "/evidence");
            JsonNode evidence = json.readTree(mvc.perform(get(url).with(as(accounts, "clerk")))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            if (key.equals("selfStudyHours")) {
                BigDecimal sum = evidence.valueStream()
                        .map(e -> new BigDecimal(e.get("amount").asString()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(sum)
                        .isEqualByComparingTo(
                                new BigDecimal(values.get(key).get("value").asString()));
            } else {
                assertThat((long) evidence.size()).as(key).isEqualTo(number(values, key));
            }
            evidence.forEach(e -> assertThat(e.get("personId").asLong())
                    .isEqualTo(leader.get("personId").asLong()));
        }
    }

    @Test
    void aMemberReadsOnlyTheirOwnRow() throws Exception {
        long me = jdbc.sql("select person_id from org_account where username = 'member'")
                .query(Long.class)
                .single();
        JsonNode rows = rows("member");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("personId").asLong()).isEqualTo(me);
        long other = rows("clerk")
                .valueStream()
                .mapToLong(r -> r.get("personId").asLong())
                .filter(p -> p != me)
                .findFirst()
                .orElseThrow();
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/people/" + other + "/figures/presided/evidence")
                        .with(as(accounts, "member")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/people/" + me + "/figures/presided/evidence")
                        .with(as(accounts, "member")))
                .andExpect(status().isOk());
    }

    @Test
    void anotherOrganisationsUserGetsNotFound() throws Exception {
        mvc.perform(get(API).with(as(accounts, "unitclerk"))).andExpect(status().isNotFound());
        long me = jdbc.sql("select person_id from org_account where username = 'member'")
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/orgs/XJ/years/2025/people/" + me + "/figures/attended/evidence")
                        .with(as(accounts, "unitclerk")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theArchiveShowsTheRowsNumbers() throws Exception {
        JsonNode row = rows("member").get(0);
        long me = row.get("personId").asLong();
        var page = mvc.perform(get("/records/" + me).with(as(accounts, "member")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("id=\"attended\">" + number(values(row), "attended") + "/"
                                + number(values(row), "expected") + "<")));
        for (JsonNode v : row.get("values")) {
            page.andExpect(content()
                    .string(containsString("id=\"figure-" + v.get("key").asString() + "\">"
                            + new BigDecimal(v.get("value").asString())
                                    .stripTrailingZeros()
                                    .toPlainString() + "<")));
        }
    }

    private JsonNode rows(String user) throws Exception {
        return json.readTree(mvc.perform(get(API).with(as(accounts, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static Map<String, JsonNode> values(JsonNode row) {
        Map<String, JsonNode> values = new HashMap<>();
        row.get("values").forEach(v -> values.put(v.get("key").asString(), v));
        return values;
    }

    private static long number(Map<String, JsonNode> values, String key) {
        return values.get(key).get("value").asLong();
    }

    private static final String HELD_2025 =
            " join org_unit o on o.id = s.org_id where o.code = 'XJ' and s.status = 'HELD'"
                    + " and s.session_date between '2025-01-01' and '2025-12-31'";

    private long held(long person, String condition) {
        return jdbc.sql("select count(*) from session_study_session s" + HELD_2025 + " and " + condition)
                .param("p", person)
                .query(Long.class)
                .single();
    }

    private long attendances(long person, String condition) {
        return jdbc.sql("select count(*) from session_attendance a join session_study_session s on s.id = a.session_id"
                        + HELD_2025 + " and a.attendee_role = 'MEMBER' and a.person_id = :p and " + condition)
                .param("p", person)
                .query(Long.class)
                .single();
    }

    private long speeches(long person, String kind) {
        return jdbc.sql("select count(*) from session_speech sp join session_study_session s on s.id = sp.session_id"
                        + HELD_2025 + " and sp.person_id = :p and sp.kind = :kind")
                .param("p", person)
                .param("kind", kind)
                .query(Long.class)
                .single();
    }

    /** Held sessions linked to an arrangement the person leads, of the latest approved plan. */
    private long led(long person) {
        return jdbc.sql("select count(distinct s.id) from session_study_session s"
                        + " join plan_arrangement_session l on l.session_id = s.id"
                        + " join plan_arrangement a on a.id = l.arrangement_id"
                        + HELD_2025 + " and a.lead_person_id = :p and a.plan_id = (select p.id from plan_annual_plan p"
                        + " where p.org_id = o.id and p.plan_year = 2025 and p.status = 'APPROVED'"
                        + " order by p.revision desc fetch first 1 rows only)")
                .param("p", person)
                .query(Long.class)
                .single();
    }

    private long testsTaken(long person) {
        return jdbc.sql(
                        "select count(*) from session_study_test_participant p join session_study_test t on t.id = p.test_id"
                                + " join org_unit o on o.id = t.org_id where o.code = 'XJ' and p.person_id = :p"
                                + " and t.held_on between '2025-01-01' and '2025-12-31'")
                .param("p", person)
                .query(Long.class)
                .single();
    }

    private long writings(long person, String condition) {
        return jdbc.sql("select count(*) from selfstudy_writing w join org_unit o on o.id = w.org_id"
                        + " where o.code = 'XJ' and w.person_id = :p and w.written_on between '2025-01-01' and '2025-12-31'"
                        + " and " + condition)
                .param("p", person)
                .query(Long.class)
                .single();
    }

    private BigDecimal hours(long person) {
        return jdbc.sql(
                        "select coalesce(sum(e.hours), 0) from selfstudy_entry e join org_unit o on o.id = e.org_id"
                                + " where o.code = 'XJ' and e.person_id = :p and e.study_date between '2025-01-01' and '2025-12-31'")
                .param("p", person)
                .query(BigDecimal.class)
                .single();
    }
}
