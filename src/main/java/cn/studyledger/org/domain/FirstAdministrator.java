package cn.studyledger.org.domain;

import cn.studyledger.common.security.Role;
import cn.studyledger.org.OrgType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outside demo mode, creates the top organisation and the first system administrator on an empty database
 * from {@code LEDGER_ROOT_ORG_CODE}, {@code LEDGER_ROOT_ORG_NAME}, {@code LEDGER_ADMIN_USERNAME} and
 * {@code LEDGER_ADMIN_PASSWORD}. The password must meet the rule and must be changed at first login.
 */
@Component
@Profile("!demo")
@Order(10)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserAccountRepository accounts;
    private final OrgUnitRepository units;
    private final PasswordEncoder encoder;
    private final String orgCode;
    private final String orgName;
    private final String username;
    private final String password;

    FirstAdministrator(
            UserAccountRepository accounts,
            OrgUnitRepository units,
            PasswordEncoder encoder,
            @Value("${LEDGER_ROOT_ORG_CODE:}") String orgCode,
            @Value("${LEDGER_ROOT_ORG_NAME:}") String orgName,
            @Value("${LEDGER_ADMIN_USERNAME:}") String username,
            @Value("${LEDGER_ADMIN_PASSWORD:}") String password) {
        this.accounts = accounts;
        this.units = units;
        this.encoder = encoder;
        this.orgCode = orgCode;
        this.orgName = orgName;
        this.username = username;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        if (orgCode.isBlank() || orgName.isBlank() || username.isBlank() || password.isBlank()) {
            log.warn("数据库中没有账号：请设置 LEDGER_ROOT_ORG_CODE、LEDGER_ROOT_ORG_NAME、LEDGER_ADMIN_USERNAME、"
                    + "LEDGER_ADMIN_PASSWORD 后重启以创建首个系统管理员");
            return;
        }
        PasswordPolicy.check(password).ifPresent(reason -> {
            throw new IllegalStateException("LEDGER_ADMIN_PASSWORD 不符合密码规则：" + reason);
        });
        OrgUnit root = units.findByCode(orgCode).orElseGet(() -> {
            OrgUnit unit = units.save(new OrgUnit(orgCode, orgName, OrgType.PARTY_GROUP, null, null));
            unit.placeUnder("/");
            return unit;
        });
        UserAccount admin = new UserAccount(username, encoder.encode(password), null, root.getId(), true);
        admin.grant(Role.SYS_ADMIN, root.getId());
        accounts.save(admin);
        log.info("已创建首个系统管理员 {}（首次登录须修改密码）", username);
    }
}
