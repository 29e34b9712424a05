package cn.studyledger.org.domain;

import cn.studyledger.common.security.Role;
import cn.studyledger.org.OrgType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outside demo mode, creates the top organisation and the three administrators of 三员分立 on an empty database:
 * {@code LEDGER_ROOT_ORG_CODE}, {@code LEDGER_ROOT_ORG_NAME}, and {@code LEDGER_ADMIN_*} (系统管理员),
 * {@code LEDGER_SECADMIN_*} (安全管理员), {@code LEDGER_AUDITOR_*} (审计管理员), each {@code _USERNAME} and
 * {@code _PASSWORD}. Three different accounts, each password within the rule and to be changed at first login. In
 * {@code prod} nothing is created until all three are configured; a test installation may configure fewer.
 */
@Component
@Profile("!demo")
@Order(10)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private record Administrator(String variable, Role role) {}

    private static final List<Administrator> ADMINISTRATORS = List.of(
            new Administrator("LEDGER_ADMIN", Role.SYS_ADMIN),
            new Administrator("LEDGER_SECADMIN", Role.SEC_ADMIN),
            new Administrator("LEDGER_AUDITOR", Role.AUDITOR));

    private final UserAccountRepository accounts;
    private final OrgUnitRepository units;
    private final PasswordEncoder encoder;
    private final Environment env;

    FirstAdministrator(
            UserAccountRepository accounts, OrgUnitRepository units, PasswordEncoder encoder, Environment env) {
        this.accounts = accounts;
        this.units = units;
        this.encoder = encoder;
        this.env = env;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String orgCode = value("LEDGER_ROOT_ORG_CODE");
        String orgName = value("LEDGER_ROOT_ORG_NAME");
        List<String> missing = new java.util.ArrayList<>();
        if (orgCode.isBlank()) {
            missing.add("LEDGER_ROOT_ORG_CODE");
        }
        if (orgName.isBlank()) {
            missing.add("LEDGER_ROOT_ORG_NAME");
        }
        for (Administrator a : ADMINISTRATORS) {
            for (String suffix : List.of("_USERNAME", "_PASSWORD")) {
                if (value(a.variable() + suffix).isBlank()) {
                    missing.add(a.variable() + suffix);
                }
            }
        }
        boolean prod = env.acceptsProfiles(Profiles.of("prod"));
        List<Administrator> configured = ADMINISTRATORS.stream()
                .filter(a -> !value(a.variable() + "_USERNAME").isBlank()
                        && !value(a.variable() + "_PASSWORD").isBlank())
                .toList();
        if (!missing.isEmpty() && (prod || orgCode.isBlank() || orgName.isBlank() || configured.isEmpty())) {
            log.warn("数据库中没有账号：请设置 {} 后重启，以创建系统管理员、安全管理员和审计管理员", String.join("、", missing));
            return;
        }
        if (!missing.isEmpty()) {
            // only outside prod (test installations): the administrators that are configured
            log.warn("三员分立未配置完整，缺少 {}", String.join("、", missing));
        }
        Set<String> usernames = new HashSet<>();
        for (Administrator a : configured) {
            if (!usernames.add(value(a.variable() + "_USERNAME"))) {
                throw new IllegalStateException("三员分立：系统管理员、安全管理员、审计管理员须为三个不同的账号");
            }
            PasswordPolicy.check(value(a.variable() + "_PASSWORD")).ifPresent(reason -> {
                throw new IllegalStateException(a.variable() + "_PASSWORD 不符合密码规则：" + reason);
            });
        }
        OrgUnit root = units.findByCode(orgCode).orElseGet(() -> {
            OrgUnit unit = units.save(new OrgUnit(orgCode, orgName, OrgType.PARTY_GROUP, null, null));
            unit.placeUnder("/");
            return unit;
        });
        for (Administrator a : configured) {
            String username = value(a.variable() + "_USERNAME");
            UserAccount account = new UserAccount(
                    username, encoder.encode(value(a.variable() + "_PASSWORD")), null, root.getId(), true);
            account.grant(a.role(), root.getId());
            accounts.save(account);
            log.info("已创建{} {}（首次登录须修改密码）", a.role().label(), username);
        }
    }

    private String value(String variable) {
        return env.getProperty(variable, "").trim();
    }
}
