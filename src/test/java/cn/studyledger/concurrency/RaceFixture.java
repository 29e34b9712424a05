package cn.studyledger.concurrency;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An organisation of the race tests' own: a root unit with a 50-member central group of the year (each with a
 * MEMBER account), 12 youth cadres who are not members (列席 candidates) and 10 CLERK accounts. Written by SQL so
 * it takes a second, and removed with everything recorded for it afterwards; the demo data is never touched.
 */
final class RaceFixture {

    static final String PASSWORD = "Race@2025x";

    final String code;
    final long orgId;
    final List<Long> members = new ArrayList<>();
    final List<String> memberAccounts = new ArrayList<>();
    final List<Long> youth = new ArrayList<>();
    final List<String> clerkAccounts = new ArrayList<>();
    private final String accountPrefix;
    private final JdbcClient jdbc;

    RaceFixture(JdbcClient jdbc, PasswordEncoder passwords, int year, int memberCount, int clerkCount) {
        this.jdbc = jdbc;
        String tag = UUID.randomUUID().toString().substring(0, 6);
        this.code = "RACE-" + tag;
        this.accountPrefix = "race" + tag;
        LocalDateTime now = LocalDateTime.now();
        jdbc.sql("insert into org_unit (code, name, type, path, active, version, created_at)"
                        + " values (?, ?, 'PARTY_GROUP', '/', true, 0, ?)")
                .params(code, "并发测试局" + tag, now)
                .update();
        this.orgId = jdbc.sql("select id from org_unit where code = ?")
                .param(code)
                .query(Long.class)
                .single();
        jdbc.sql("update org_unit set path = ? where id = ?")
                .params("/" + orgId + "/", orgId)
                .update();
        String hash = passwords.encode(PASSWORD);
        for (int i = 1; i <= memberCount; i++) {
            long person = person("成员" + i, false, now);
            members.add(person);
            jdbc.sql("insert into org_membership (org_id, study_year, person_id, role, version, created_at)"
                            + " values (?, ?, ?, 'MEMBER', 0, ?)")
                    .params(orgId, year, person, now)
                    .update();
            memberAccounts.add(account(accountPrefix + "m" + i, hash, person, "MEMBER", now));
        }
        for (int i = 1; i <= 12; i++) {
            youth.add(person("青年干部" + i, true, now));
        }
        for (int i = 1; i <= clerkCount; i++) {
            clerkAccounts.add(account(accountPrefix + "c" + i, hash, null, "CLERK", now));
        }
    }

    private long person(String name, boolean youthCadre, LocalDateTime now) {
        jdbc.sql("insert into org_person (org_id, name, position, youth_cadre, expert, active, version, created_at)"
                        + " values (?, ?, '干部', ?, false, true, 0, ?)")
                .params(orgId, name, youthCadre, now)
                .update();
        return jdbc.sql("select max(id) from org_person where org_id = ?")
                .param(orgId)
                .query(Long.class)
                .single();
    }

    private String account(String username, String hash, Long person, String role, LocalDateTime now) {
        jdbc.sql("insert into org_account (username, password_hash, person_id, org_id, enabled, failed_attempts,"
                        + " must_change_password, version, created_at) values (?, ?, ?, ?, true, 0, false, 0, ?)")
                .params(username, hash, person, orgId, now)
                .update();
        long id = jdbc.sql("select id from org_account where username = ?")
                .param(username)
                .query(Long.class)
                .single();
        jdbc.sql("insert into org_role_grant (account_id, role, org_id) values (?, ?, ?)")
                .params(id, role, orgId)
                .update();
        return username;
    }

    /** Everything recorded for the organisation, children before parents, and the audit lines of its accounts. */
    void remove() {
        jdbc.sql("delete from common_audit_event where username like ?")
                .param(accountPrefix + "%")
                .update();
        String sessions = "(select id from session_study_session where org_id = :org)";
        String evaluations = "(select id from rules_evaluation where org_id = :org)";
        String reports = "(select id from report_annual_report where org_id = :org)";
        String[] statements = {
            "delete from session_brief where org_id = :org",
            "delete from session_speech where session_id in " + sessions,
            "delete from session_attendance where session_id in " + sessions,
            "delete from session_agenda_item where session_id in " + sessions,
            "delete from session_learning_mode where session_id in " + sessions,
            "delete from session_attachment where session_id in " + sessions,
            "delete from session_leave_request where session_id in " + sessions,
            "delete from session_study_session where org_id = :org",
            "delete from selfstudy_entry where person_id in (select id from org_person where org_id = :org)",
            "delete from selfstudy_person_year_total where person_id in (select id from org_person where org_id = :org)",
            "delete from rules_evidence where finding_id in (select id from rules_finding where evaluation_id in "
                    + evaluations + ")",
            "delete from rules_finding where evaluation_id in " + evaluations,
            "delete from rules_evaluation where org_id = :org",
            "delete from rules_setting where org_id = :org",
            "delete from report_block where report_id in " + reports,
            "delete from report_decision where report_id in " + reports,
            "delete from report_snapshot_figure where report_id in " + reports,
            "delete from report_annual_report where org_id = :org",
            "delete from org_role_grant where account_id in (select id from org_account where org_id = :org)",
            "delete from org_account where org_id = :org",
            "delete from org_membership where org_id = :org",
            "delete from org_person where org_id = :org",
            "delete from org_unit where id = :org"
        };
        for (String sql : statements) {
            jdbc.sql(sql).param("org", orgId).update();
        }
    }
}
