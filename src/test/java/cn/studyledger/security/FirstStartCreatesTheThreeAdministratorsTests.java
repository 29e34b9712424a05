package cn.studyledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Outside demo mode an empty database gets the three administrators of 三员分立 from the environment, three
 * accounts with one administrator role each, every one forced to change its password at first sign-in.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "LEDGER_ROOT_ORG_CODE=ROOT",
            "LEDGER_ROOT_ORG_NAME=新安装",
            "LEDGER_ADMIN_USERNAME=sys1",
            "LEDGER_ADMIN_PASSWORD=Sys#2026first",
            "LEDGER_SECADMIN_USERNAME=sec1",
            "LEDGER_SECADMIN_PASSWORD=Sec#2026first",
            "LEDGER_AUDITOR_USERNAME=aud1",
            "LEDGER_AUDITOR_PASSWORD=Aud#2026first"
        })
@ActiveProfiles("test")
class FirstStartCreatesTheThreeAdministratorsTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theThreeAdministratorsAreCreatedEachWithOneRoleAndMustChangeTheirPassword() {
        List<String> rows = jdbc.sql("""
                        select a.username || ':' || g.role || ':' || o.code || ':' || a.must_change_password
                          from org_account a join org_role_grant g on g.account_id = a.id
                          join org_unit o on o.id = g.org_id order by a.username""").query(String.class).list();
        assertThat(rows)
                .containsExactly("aud1:AUDITOR:ROOT:TRUE", "sec1:SEC_ADMIN:ROOT:TRUE", "sys1:SYS_ADMIN:ROOT:TRUE");
    }
}
