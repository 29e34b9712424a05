package cn.studyledger.selfstudy;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.IntegrationTest;
import cn.studyledger.selfstudy.domain.SelfStudyTotals;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-person yearly self-study totals the roll-up reads ({@code selfstudy_person_year_total}) equal their
 * recomputation from the entries after every kind of write: entries logged by a member and by the clerk, edited
 * (hours, and into another year), deleted (the last entry of a person's year takes the row with it), an online
 * learning import (not self-study: the totals do not move), and a rebuild; the figure moves with them.
 */
@IntegrationTest
@Transactional
class SelfStudyTotalsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SelfStudyTotals totals;

    @Test
    void theTotalsEqualTheEntriesAfterWritesEditsDeletesAndAnImport() throws Exception {
        SelfStudyTotalsCheck.assertEqualToTheEntries(jdbc);
        assertThat(SelfStudyTotalsCheck.kept(jdbc)).isNotEmpty(); // the demo's entries are in it
        BigDecimal before = figure();
        long zhangWei = person("张伟");
        long liuFang = person("刘芳");

        long a = create("member", "{\"date\":\"2025-06-01\",\"hours\":2.5,\"content\":\"合计：第一条\"}");
        long b = create("member", "{\"date\":\"2025-06-02\",\"hours\":1.5,\"content\":\"合计：第二条\"}");
        long c = create(
                "clerk", "{\"personId\":" + liuFang + ",\"date\":\"2025-06-03\",\"hours\":3,\"content\":\"合计：代登记\"}");
        SelfStudyTotalsCheck.assertEqualToTheEntries(jdbc);
        assertThat(figure()).isEqualByComparingTo(before.add(new BigDecimal("7.0")));

        // the hours change within the year; then an entry moves into 2026, where 张伟 had none so far
        edit(a, "{\"date\":\"2025-06-01\",\"hours\":4,\"content\":\"合计：第一条（改）\"}");
        SelfStudyTotalsCheck.assertEqualToTheEntries(jdbc);
        long rowsOf2026 = rows(zhangWei, 2026);
        edit(b, "{\"date\":\"2026-01-05\",\"hours\":1.5,\"content\":\"合计：第二条（改到2026年）\"}");
        SelfStudyTotalsCheck.assertEqualToTheEntries(jdbc);
        assertThat(figure()).isEqualByComparingTo(before.add(new BigDecimal("7.0")));

        // deleting the only 2026 entry takes the person's 2026 total with it
        remove(b);
        remove(c);
        SelfStudyTotalsCheck.assertEqualToTheEntries(jdbc);
        assertThat(rows(zhangWei, 2026)).isEqualTo(rowsOf2026);
        assertThat(figure()).isEqualByComparingTo(before.add(new BigDecimal("4")));

        // online learning is a figure of its own: its import leaves the self-study totals as they were
        List<String> kept = SelfStudyTotalsCheck.kept(jdbc);
        mvc.perform(multipart("/api/v1/orgs/XJ/online/import")
                        .file(new MockMultipartFile(
                                "file",
                                "线上学习.xlsx",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                OnlineLearningTests.xlsx(
                                        List.of("张伟", "学习强国", "2025-11-01", "2025-11-30", "30", "600"))))
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is2xxSuccessful());
        assertThat(SelfStudyTotalsCheck.kept(jdbc)).isEqualTo(kept);
        SelfStudyTotalsCheck.assertEqualToTheEntries(jdbc);

        remove(a);
        SelfStudyTotalsCheck.assertEqualToTheEntries(jdbc);
        assertThat(figure()).isEqualByComparingTo(before);
    }

    @Test
    void aRebuildAfterRowsWrittenAroundTheServiceRecomputesTheTable() throws Exception {
        long zhangWei = person("张伟");
        long xj = jdbc.sql("select id from org_unit where code = 'XJ'")
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into selfstudy_entry (org_id, person_id, study_date, hours, content, version, created_at)
                        values (?, ?, date '2025-07-07', 2.0, '直接写入的自学', 0, current_timestamp)""").params(xj, zhangWei).update();
        assertThat(SelfStudyTotalsCheck.kept(jdbc)).isNotEqualTo(SelfStudyTotalsCheck.recomputed(jdbc));

        totals.rebuild();

        SelfStudyTotalsCheck.assertEqualToTheEntries(jdbc);
    }

    private long create(String username, String json) throws Exception {
        String body = mvc.perform(post("/api/v1/orgs/XJ/selfstudy")
                        .with(as(accounts, username))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void edit(long id, String json) throws Exception {
        long version = jdbc.sql("select version from selfstudy_entry where id = ?")
                .param(id)
                .query(Long.class)
                .single();
        mvc.perform(put("/api/v1/selfstudy/" + id)
                        .param("version", String.valueOf(version))
                        .with(as(accounts, "member"))
                        .with(csrf().asHeader())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isOk());
    }

    private void remove(long id) throws Exception {
        mvc.perform(delete("/api/v1/selfstudy/" + id)
                        .with(as(accounts, "clerk"))
                        .with(csrf().asHeader()))
                .andExpect(status().is2xxSuccessful());
    }

    private long rows(long personId, int year) {
        return jdbc.sql("select count(*) from " + SelfStudyTotals.TABLE + " where person_id = ? and study_year = ?")
                .params(personId, year)
                .query(Long.class)
                .single();
    }

    private long person(String name) {
        return jdbc.sql("select id from org_person where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    /**
     * {@code selfstudy.hours} of XJ's 2025 as the figures API computes it from the entries (that the roll-up's tally
     * over the totals gives the same for every organisation is {@code FiguresContractTests}: it runs on the tally
     * executor, outside this test's transaction).
     */
    private BigDecimal figure() throws Exception {
        String json = mvc.perform(get("/api/v1/orgs/XJ/years/2025/figures").with(as(accounts, "clerk")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Object> values = JsonPath.read(json, "$[?(@.key=='selfstudy.hours')].value");
        return new BigDecimal(values.get(0).toString());
    }
}
