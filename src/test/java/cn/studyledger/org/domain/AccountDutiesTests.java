package cn.studyledger.org.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Role;
import cn.studyledger.common.security.RoleGrant;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** 三员分立 as rules: which roles combine, who may act on whom; and the doubling lockout durations. */
class AccountDutiesTests {

    @Test
    void administratorRolesExcludeEachOtherAndEveryBusinessRole() {
        assertThat(AccountDuties.refusal(List.of(Role.SYS_ADMIN, Role.AUDITOR)))
                .hasValueSatisfying(r -> assertThat(r).contains("不得由同一账号兼任"));
        assertThat(AccountDuties.refusal(List.of(Role.SEC_ADMIN, Role.CLERK)))
                .hasValueSatisfying(r -> assertThat(r).contains("安全管理员账号不得同时拥有业务角色"));
        assertThat(AccountDuties.refusal(List.of(Role.AUDITOR, Role.SUPERIOR))).isPresent();
        assertThat(AccountDuties.refusal(List.of(Role.LEADER, Role.MEMBER))).isEmpty();
        assertThat(AccountDuties.refusal(List.of(Role.SYS_ADMIN, Role.SYS_ADMIN)))
                .isEmpty();
    }

    @Test
    void nobodyActsOnTheirOwnAccountAndNoAdministratorOnAnotherKind() {
        LedgerUser admin = user(1, Role.SYS_ADMIN);
        LedgerUser secadmin = user(2, Role.SEC_ADMIN);
        UserAccount adminAccount = account(1, Role.SYS_ADMIN);
        UserAccount secadminAccount = account(2, Role.SEC_ADMIN);
        UserAccount auditorAccount = account(3, Role.AUDITOR);
        UserAccount clerkAccount = account(4, Role.CLERK);

        assertThatThrownBy(() -> AccountDuties.require(secadmin, secadminAccount, AccountDuties.Action.ROLES))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("不能对自己的账号变更角色");
        assertThatThrownBy(() -> AccountDuties.require(admin, secadminAccount, AccountDuties.Action.ENABLE))
                .hasMessage("不能停用或启用安全管理员的账号（三员分立）");
        assertThatThrownBy(() -> AccountDuties.require(admin, auditorAccount, AccountDuties.Action.UNLOCK))
                .hasMessage("不能解除锁定审计管理员的账号（三员分立）");
        assertThatThrownBy(() -> AccountDuties.require(secadmin, auditorAccount, AccountDuties.Action.CODE))
                .hasMessage("不能签发首次登录码审计管理员的账号（三员分立）");
        // the security administrator's own duties reach every other account
        AccountDuties.require(secadmin, auditorAccount, AccountDuties.Action.UNLOCK);
        AccountDuties.require(secadmin, adminAccount, AccountDuties.Action.ROLES);
        AccountDuties.require(secadmin, clerkAccount, AccountDuties.Action.CODE);
        AccountDuties.require(admin, clerkAccount, AccountDuties.Action.ENABLE);
    }

    @Test
    void locksDoubleUpToTheLongest() {
        assertThat(LoginAttempts.doublings(Duration.ofMinutes(15), Duration.ofHours(24)))
                .extracting(Duration::toMinutes)
                .containsExactly(15L, 30L, 60L, 120L, 240L, 480L, 960L, 1440L);
    }

    private static LedgerUser user(long id, Role role) {
        return new LedgerUser(
                id, "u" + id, "", true, false, null, "u" + id, 1, false, List.of(new RoleGrant(role, 1, "/1/")));
    }

    private static UserAccount account(long id, Role role) {
        UserAccount account = new UserAccount("u" + id, "", null, 1, false);
        ReflectionTestUtils.setField(account, "id", id);
        account.grant(role, 1);
        return account;
    }
}
