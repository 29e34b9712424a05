package cn.studyledger.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.IntegrationTest;
import cn.studyledger.Logins;
import cn.studyledger.figure.Period;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

/** {@code {{leader.<key>}}}: the 组长's own figures of the year in the report's text, 【待补充】 without a 组长. */
@IntegrationTest
@Transactional
class LeaderTokensTests {

    static final String SENTENCE = "书记全年主持中心组学习{{leader.presided}}次，带头撰写心得体会和调研报告{{leader.writings}}篇";

    @Autowired
    ReportFigures figures;

    @Autowired
    OrgApi orgs;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void signIn() {
        Logins.signIn(accounts, "clerk");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void leaderTokensRenderTheLeadersOwnNumbers() {
        long leader = jdbc.sql("""
                        select m.person_id from org_membership m join org_unit o on o.id = m.org_id
                         where o.code = 'XJ' and m.study_year = 2025 and m.role = 'LEADER'""").query(Long.class).single();
        long presided = jdbc.sql("""
                        select count(*) from session_study_session s join org_unit o on o.id = s.org_id
                         where o.code = 'XJ' and s.status = 'HELD' and s.presider_person_id = ?
                           and s.session_date between '2025-01-01' and '2025-12-31'""").param(leader).query(Long.class).single();
        long writings = jdbc.sql("""
                        select count(*) from selfstudy_writing w join org_unit o on o.id = w.org_id
                         where o.code = 'XJ' and w.person_id = ? and w.kind <> 'SPEECH'
                           and w.written_on between '2025-01-01' and '2025-12-31'""").param(leader).query(Long.class).single();
        assertThat(presided).isPositive();

        OrgRef xj = orgs.requireReadable("XJ");
        Map<String, FigureValue> values = figures.live(xj, Period.of(2025));

        assertThat(Tokens.render(SENTENCE, values))
                .isEqualTo("书记全年主持中心组学习" + presided + "次，带头撰写心得体会和调研报告" + writings + "篇");
        assertThat(values.get("leader.presided").evidenceUrl())
                .isEqualTo("/api/v1/orgs/XJ/years/2025/people/" + leader + "/figures/presided/evidence");
        assertThat(figures.knownKeys())
                .contains("leader.presided", "leader.writings", "leader.keySpeeches", "leader.selfStudyHours");
        assertThat(Tokens.unknown(SENTENCE, figures.knownKeys())).isEmpty();
    }

    @Test
    void aYearWithoutALeaderLeavesTheTokensToBeFilledIn() {
        OrgRef xj = orgs.requireReadable("XJ");
        assertThat(jdbc.sql(
                                "select count(*) from org_membership where org_id = ? and study_year = 2019 and role = 'LEADER'")
                        .param(xj.id())
                        .query(Long.class)
                        .single())
                .isZero();

        assertThat(Tokens.render(SENTENCE, figures.live(xj, Period.of(2019))))
                .isEqualTo("书记全年主持中心组学习" + Tokens.MISSING + "次，带头撰写心得体会和调研报告" + Tokens.MISSING + "篇");
    }
}
