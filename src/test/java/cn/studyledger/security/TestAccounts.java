package cn.studyledger.security;

import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Accounts a test creates for itself (the shared demo accounts stay as they are) and removes afterwards. */
final class TestAccounts {

    private TestAccounts() {}

    static long create(JdbcClient jdbc, PasswordEncoder encoder, String username, String password, String role) {
        long org = jdbc.sql("select id from org_unit where code = 'XJ'")
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into org_account (username, password_hash, org_id, enabled, failed_attempts,
                          must_change_password, version, created_at, lock_count)
                        values (?, ?, ?, true, 0, false, 0, ?, 0)""")
                .param(username)
                .param(encoder.encode(password))
                .param(org)
                .param(LocalDateTime.now())
                .update();
        long id = jdbc.sql("select id from org_account where username = ?")
                .param(username)
                .query(Long.class)
                .single();
        jdbc.sql("insert into org_role_grant (account_id, role, org_id) values (?, ?, ?)")
                .param(id)
                .param(role)
                .param(org)
                .update();
        return id;
    }

    static void delete(JdbcClient jdbc, String username) {
        jdbc.sql("delete from org_role_grant where account_id in (select id from org_account where username = ?)")
                .param(username)
                .update();
        jdbc.sql("delete from org_account where username = ?").param(username).update();
    }

    static long audited(JdbcClient jdbc, String username, String action, String summaryPart) {
        return jdbc.sql("select count(*) from common_audit_event where username = ? and action = ? and summary like ?")
                .param(username)
                .param(action)
                .param("%" + summaryPart + "%")
                .query(Long.class)
                .single();
    }
}
