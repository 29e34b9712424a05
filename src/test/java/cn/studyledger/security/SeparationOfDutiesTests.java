package cn.studyledger.security;

import static cn.studyledger.Logins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyledger.DatabaseSnapshot;
import cn.studyledger.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * 三员分立 (MLPS 2.0 level 3) on the demo accounts: the system administrator grants no roles and cannot disable or
 * unlock the other administrators; the security administrator grants roles but never to itself, never two
 * administrator roles or one with a business role; the auditor's reads are audited and nothing changes the log;
 * a locked-out security administrator is recovered by the jar's {@code unlock} command.
 */
@IntegrationTest
@DatabaseSnapshot.RestoredAfterEachTest
class SeparationOfDutiesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void removeTestAccounts() {
        TestAccounts.delete(jdbc, "t_sod_member");
        TestAccounts.delete(jdbc, "t_sod_secadmin");
    }

    long id(String username) {
        return jdbc.sql("select id from org_account where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    List<String> roles(String username) {
        return jdbc.sql("select g.role from org_role_grant g join org_account a on a.id = g.account_id"
                        + " where a.username = ? order by g.role")
                .param(username)
                .query(String.class)
                .list();
    }

    ResultActions grant(String by, String to, String role) throws Exception {
        return mvc.perform(post("/accounts/" + id(to) + "/roles")
                .with(as(accounts, by))
                .with(csrf().asHeader())
                .param("role", role)
                .param("orgCode", "XJ"));
    }

    @Test
    void theSystemAdministratorGrantsNoRoleNotEvenToItself() throws Exception {
        for (String role : List.of("AUDITOR", "CLERK", "SUPERIOR", "SEC_ADMIN")) {
            grant("admin", "admin", role).andExpect(status().isForbidden());
        }
        grant("admin", "member", "LEADER").andExpect(status().isForbidden());
        mvc.perform(get("/accounts/" + id("member") + "/roles").with(as(accounts, "admin")))
                .andExpect(status().isForbidden());
        assertThat(roles("admin")).containsExactly("SYS_ADMIN");
        assertThat(roles("member")).containsExactly("MEMBER");
        mvc.perform(get("/audit").with(as(accounts, "admin"))).andExpect(status().isForbidden());
    }

    @Test
    void theSecurityAdministratorNeverChangesItsOwnRoles() throws Exception {
        grant("secadmin", "secadmin", "AUDITOR")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("不能对自己的账号变更角色")));
        mvc.perform(post("/accounts/" + id("secadmin") + "/roles/revoke")
                        .with(as(accounts, "secadmin"))
                        .with(csrf().asHeader())
                        .param("role", "SEC_ADMIN")
                        .param("orgCode", "XJ"))
                .andExpect(status().isUnprocessableContent());
        assertThat(roles("secadmin")).containsExactly("SEC_ADMIN");
    }

    @Test
    void administratorRolesExcludeEachOtherAndBusinessRoles() throws Exception {
        grant("secadmin", "admin", "AUDITOR")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("不得由同一账号兼任")));
        grant("secadmin", "auditor", "CLERK")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("审计管理员账号不得同时拥有业务角色")));
        grant("secadmin", "clerk", "SYS_ADMIN")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("系统管理员账号不得同时拥有业务角色")));
        assertThat(roles("admin")).containsExactly("SYS_ADMIN");
        assertThat(roles("auditor")).containsExactly("AUDITOR");
        assertThat(roles("clerk")).containsExactly("CLERK");
    }

    @Test
    void noAccountOfTheDemoCombinesAdministratorRoles() {
        Map<String, Set<String>> byAccount = new HashMap<>();
        jdbc.sql("select a.username, g.role from org_role_grant g join org_account a on a.id = g.account_id")
                .query((rs, n) -> byAccount
                        .computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(rs.getString(2)))
                .list();
        Set<String> administrators = Set.of("SYS_ADMIN", "SEC_ADMIN", "AUDITOR");
        byAccount.forEach((username, held) -> {
            long kinds = held.stream().filter(administrators::contains).count();
            assertThat(kinds).as(username + " " + held).isLessThanOrEqualTo(1);
            if (kinds == 1) {
                assertThat(held)
                        .as(username + " holds an administrator and a business role")
                        .hasSize(1);
            }
        });
        assertThat(byAccount.get("leader")).containsExactlyInAnyOrder("LEADER", "MEMBER");
    }

    @Test
    void theSystemAdministratorCannotDisableOrUnlockTheOtherAdministrators() throws Exception {
        for (String other : List.of("secadmin", "auditor")) {
            mvc.perform(post("/accounts/" + id(other) + "/enabled")
                            .with(as(accounts, "admin"))
                            .with(csrf().asHeader())
                            .param("enabled", "false"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(containsString("的账号（三员分立）")));
            mvc.perform(post("/accounts/" + id(other) + "/unlock")
                            .with(as(accounts, "admin"))
                            .with(csrf().asHeader()))
                    .andExpect(status().isUnprocessableContent());
        }
        mvc.perform(post("/accounts/" + id("admin") + "/enabled")
                        .with(as(accounts, "admin"))
                        .with(csrf().asHeader())
                        .param("enabled", "false"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("不能对自己的账号停用或启用")));
        assertThat(jdbc.sql("select count(*) from org_account where enabled = false"
                                + " and username in ('admin', 'secadmin', 'auditor')")
                        .query(Long.class)
                        .single())
                .isZero();
        // a business account is the system administrator's to disable
        TestAccounts.create(jdbc, encoder, "t_sod_member", "Right#2026pw", "MEMBER");
        mvc.perform(post("/accounts/" + id("t_sod_member") + "/enabled")
                        .with(as(accounts, "admin"))
                        .with(csrf().asHeader())
                        .param("enabled", "false"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theSecurityAdministratorIssuesNoCodeForTheAuditorAndTheAdministratorNone() throws Exception {
        String hash = jdbc.sql("select password_hash from org_account where username = 'auditor'")
                .query(String.class)
                .single();
        mvc.perform(post("/accounts/" + id("auditor") + "/code")
                        .with(as(accounts, "secadmin"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/accounts/" + id("member") + "/code")
                        .with(as(accounts, "admin"))
                        .with(csrf().asHeader()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select password_hash from org_account where username = 'auditor'")
                        .query(String.class)
                        .single())
                .isEqualTo(hash);
    }

    @Test
    void theAuditorsOwnReadsOfTheLogAreAudited() throws Exception {
        long before = TestAccounts.audited(jdbc, "auditor", "VIEW", "查阅审计日志");
        mvc.perform(get("/audit").param("username", "clerk").with(as(accounts, "auditor")))
                .andExpect(status().isOk());
        assertThat(TestAccounts.audited(jdbc, "auditor", "VIEW", "查阅审计日志")).isEqualTo(before + 1);
    }

    @Test
    void noEndpointAndNoCodeChangesOrDeletesTheAuditLog() throws IOException {
        RequestMappingHandlerMapping mapping =
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        mapping.getHandlerMethods().forEach((info, method) -> {
            boolean audit = info.getPatternValues().stream().anyMatch(p -> p.contains("audit"));
            if (audit) {
                assertThat(info.getMethodsCondition().getMethods())
                        .as(info.toString())
                        .containsExactly(RequestMethod.GET);
            }
        });
        Pattern writes = Pattern.compile(
                "(delete\\s+from|update|truncate\\s+table|drop\\s+table|alter\\s+table)\\s+common_audit_event",
                Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files =
                Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher m = writes.matcher(text);
                assertThat(m.find()).as(file + " changes the audit log").isFalse();
            }
        }
    }

    @Test
    void aLockedOutSecurityAdministratorIsRecoveredByTheUnlockCommandAudited() throws Exception {
        TestAccounts.create(jdbc, encoder, "t_sod_secadmin", "Forgot#2026pw", "SEC_ADMIN");
        jdbc.sql("update org_account set locked_until = ?, lock_count = 3 where username = 't_sod_secadmin'")
                .param(LocalDateTime.now().plusHours(2))
                .update();
        mvc.perform(post("/accounts/" + id("t_sod_secadmin") + "/unlock")
                        .with(as(accounts, "admin"))
                        .with(csrf().asHeader()))
                .andExpect(status().isUnprocessableContent());

        ApplicationRunner cli = context.getBean("accountCli", ApplicationRunner.class);
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            cli.run(new DefaultApplicationArguments("unlock", "--user=t_sod_secadmin", "--issue-code"));
        } finally {
            System.setOut(out);
        }
        Matcher code = Pattern.compile("首次登录码[^：]*：(\\S+)").matcher(printed.toString(StandardCharsets.UTF_8));
        assertThat(code.find()).isTrue();
        assertThat(jdbc.sql("select locked_until from org_account where username = 't_sod_secadmin'")
                        .query(LocalDateTime.class)
                        .optional())
                .isEmpty();
        assertThat(jdbc.sql("select count(*) from common_audit_event where username = 'system'"
                                + " and summary = '命令行解除锁定 t_sod_secadmin'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(formLogin().user("t_sod_secadmin").password(code.group(1))).andExpect(authenticated());
    }
}
