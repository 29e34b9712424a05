package cn.studyledger.rules.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import cn.studyledger.rules.DemoAdoption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The nightly job evaluates without a signed-in user, as the system identity and only for its own run, and the
 * system entry point is closed to everyone else.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class NightlyEvaluationTests {

    @Autowired
    NightlyEvaluation nightly;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void scheduledJobEvaluatesEveryOrganisationWithAGroupWithoutASignedInUser() {
        SecurityContextHolder.clearContext();

        assertThat(nightly.run(2025)).contains("XJ");

        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(jdbc.sql("""
                        select e.run_kind || '/' || e.evaluated_by from rules_evaluation e join org_unit o on o.id = e.org_id
                         where o.code = 'XJ' and e.rule_year = 2025""").query(String.class).single()).isEqualTo("NIGHTLY/system");
        assertThat(jdbc.sql("""
                        select count(*) from rules_finding f join rules_evaluation e on e.id = f.evaluation_id
                         join org_unit o on o.id = e.org_id
                         where o.code = 'XJ' and e.rule_year = 2025 and f.rule_key = 'research.adoption'
                           and f.finding = :finding""")
                        .param("finding", DemoAdoption.now(jdbc).finding())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from common_audit_event
                         where object_type = '规则检查' and username = 'system' and summary like 'XJ 2025年度规则检查（每日定时检查）%'""").query(Long.class).single()).isPositive();
    }

    @Test
    void withoutTheSystemIdentityTheServicesRefuseToEvaluate() {
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> evaluations.evaluate("XJ", 2025))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        UserDetails clerk = accounts.loadUserByUsername("clerk");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(clerk, null, clerk.getAuthorities()));
        assertThatThrownBy(() -> evaluations.evaluateAsSystem("XJ", 2025)).isInstanceOf(AccessDeniedException.class);
    }
}
