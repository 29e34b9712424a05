package cn.studyledger.org.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Role;
import cn.studyledger.common.security.RoleGrant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 三员分立 (MLPS 2.0 level 3): the one place that decides which role sets an account may hold and which account
 * may act on which. The permissions of {@link Role} say who may use an action at all; these rules say on whom.
 */
final class AccountDuties {

    /** What one account does to another. */
    enum Action {
        ENABLE("停用或启用"),
        UNLOCK("解除锁定"),
        CODE("签发首次登录码"),
        ROLES("变更角色");

        private final String label;

        Action(String label) {
            this.label = label;
        }
    }

    private AccountDuties() {}

    /**
     * Why an account may not hold these roles together, or empty: the three administrator roles exclude each
     * other and every business role; business roles combine freely (组长 + 中心组成员).
     */
    static Optional<String> refusal(Collection<Role> roles) {
        Set<Role> kinds = roles.stream().filter(Role::isAdministrator).collect(Collectors.toSet());
        if (kinds.size() > 1) {
            return Optional.of("系统管理员、安全管理员、审计管理员不得由同一账号兼任（三员分立）");
        }
        if (kinds.size() == 1 && roles.stream().anyMatch(r -> !r.isAdministrator())) {
            return Optional.of(kinds.iterator().next().label() + "账号不得同时拥有业务角色（三员分立）");
        }
        return Optional.empty();
    }

    /**
     * Refuses an action on an account: nobody acts on their own account, and no administrator disables, unlocks
     * or issues a code for an administrator of another kind. Changing roles and unlocking are the security
     * administrator's duty over every account but its own.
     */
    static void require(LedgerUser actor, UserAccount target, Action action) {
        if (actor.accountId() == target.getId()) {
            throw new BusinessRuleException("不能对自己的账号" + action.label);
        }
        if (action == Action.ROLES || (action == Action.UNLOCK && actor.hasRole(Role.SEC_ADMIN))) {
            return;
        }
        Set<Role> own = actor.grants().stream()
                .map(RoleGrant::role)
                .filter(Role::isAdministrator)
                .collect(Collectors.toSet());
        target.grants().stream()
                .map(UserAccount.Grant::role)
                .filter(r -> r.isAdministrator() && !own.contains(r))
                .findFirst()
                .ifPresent(other -> {
                    throw new BusinessRuleException("不能" + action.label + other.label() + "的账号（三员分立）");
                });
    }
}
