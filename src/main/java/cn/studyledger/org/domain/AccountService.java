package cn.studyledger.org.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.jdbc.Like;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.common.security.RoleGrant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: sign-in, lockout, password changes, and their administration. */
@Service
@Transactional(readOnly = true)
public class AccountService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final OrgUnitRepository units;
    private final PersonRepository people;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    AccountService(
            UserAccountRepository accounts,
            OrgUnitRepository units,
            PersonRepository people,
            PasswordEncoder encoder,
            AuditLog audit) {
        this.accounts = accounts;
        this.units = units;
        this.people = people;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account =
                accounts.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("账号不存在"));
        return toUser(account);
    }

    private LedgerUser toUser(UserAccount account) {
        List<RoleGrant> grants = account.grants().stream()
                .map(g -> new RoleGrant(
                        g.role(),
                        g.orgId(),
                        units.findById(g.orgId()).orElseThrow().path()))
                .toList();
        String displayName = account.personId() == null
                ? account.username()
                : people.findById(account.personId()).map(Person::name).orElse(account.username());
        return new LedgerUser(
                account.getId(),
                account.username(),
                account.passwordHash(),
                account.isEnabled(),
                account.isLocked(LocalDateTime.now()),
                account.personId(),
                displayName,
                account.orgId(),
                account.mustChangePassword(),
                grants);
    }

    /** Counts a failed login against an existing account; unknown usernames are only audited. */
    @Transactional
    public void loginFailed(String username) {
        accounts.findByUsername(username).ifPresent(a -> a.loginFailed(LocalDateTime.now()));
    }

    @Transactional
    public void loginSucceeded(String username) {
        accounts.findByUsername(username).ifPresent(a -> a.loginSucceeded(LocalDateTime.now()));
    }

    /** Changes the signed-in user's own password after checking the current one and the password rule. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        LedgerUser user = CurrentUser.require();
        UserAccount account = accounts.findById(user.accountId()).orElseThrow(() -> NotFoundException.of("账号"));
        if (!encoder.matches(currentPassword, account.passwordHash())) {
            throw new BusinessRuleException("当前密码不正确");
        }
        PasswordPolicy.check(newPassword).ifPresent(reason -> {
            throw new BusinessRuleException(reason);
        });
        if (encoder.matches(newPassword, account.passwordHash())) {
            throw new BusinessRuleException("新密码不能与当前密码相同");
        }
        account.changePassword(encoder.encode(newPassword), false);
        audit.record(AuditAction.UPDATE, "账号", account.getId(), "修改本人密码");
    }

    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_VIEW + "')")
    public PageResult<AccountView> search(String query, int page, int size) {
        Set<Long> orgIds = administeredOrgIds();
        var result = accounts.search(
                orgIds, Like.escape(query == null ? "" : query.trim()), PageRequest.of(Math.max(page, 0), size));
        LocalDateTime now = LocalDateTime.now();
        return PageResult.of(result, a -> AccountView.of(a, now, units));
    }

    /** Creates an account with an initial password that must be changed at first sign-in (outside demo mode). */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_EDIT + "')")
    public long create(AccountCommand command) {
        if (accounts.existsByUsername(command.username().trim())) {
            throw new BusinessRuleException("账号“" + command.username().trim() + "”已存在");
        }
        OrgUnit org = units.findByCode(command.orgCode()).orElseThrow(() -> NotFoundException.of("组织"));
        requireAdministered(org.getId());
        PasswordPolicy.check(command.initialPassword()).ifPresent(reason -> {
            throw new BusinessRuleException(reason);
        });
        Long personId = command.personId();
        if (personId != null) {
            Person person = people.findById(personId).orElseThrow(() -> NotFoundException.of("人员"));
            if (person.orgId() != org.getId()) {
                throw new BusinessRuleException("关联人员须属于账号所在组织");
            }
        }
        UserAccount account = new UserAccount(
                command.username().trim(), encoder.encode(command.initialPassword()), personId, org.getId(), true);
        account.grant(command.role(), org.getId());
        accounts.save(account);
        audit.record(
                AuditAction.CREATE,
                "账号",
                account.getId(),
                "新增账号 " + account.username() + "，角色 " + command.role().label() + "（" + org.code() + "）");
        return account.getId();
    }

    @Transactional
    @PreAuthorize(
            "hasAuthority('" + Permissions.ACCOUNT_UNLOCK + "') or hasAuthority('" + Permissions.ACCOUNT_EDIT + "')")
    public void unlock(long id) {
        UserAccount account = administered(id);
        account.unlock();
        audit.record(AuditAction.UPDATE, "账号", id, "解除锁定 " + account.username());
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_EDIT + "')")
    public void setEnabled(long id, boolean enabled) {
        UserAccount account = administered(id);
        if (account.getId() == CurrentUser.require().accountId()) {
            throw new BusinessRuleException("不能停用自己的账号");
        }
        account.setEnabled(enabled);
        audit.record(AuditAction.UPDATE, "账号", id, (enabled ? "启用账号 " : "停用账号 ") + account.username());
    }

    /** Grants a role at an organisation of the administrator's subtree. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_EDIT + "')")
    public void grant(long id, Role role, String orgCode) {
        UserAccount account = administered(id);
        OrgUnit org = units.findByCode(orgCode).orElseThrow(() -> NotFoundException.of("组织"));
        requireAdministered(org.getId());
        if (account.grants().contains(new UserAccount.Grant(role, org.getId()))) {
            throw new BusinessRuleException("该账号已在" + org.toRef().name() + "拥有" + role.label() + "角色");
        }
        account.grant(role, org.getId());
        audit.record(AuditAction.UPDATE, "账号", id, "授予 " + account.username() + " 角色 " + role.label() + "@" + orgCode);
    }

    /** Revokes one role grant; an account keeps at least one role. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_EDIT + "')")
    public void revoke(long id, Role role, String orgCode) {
        UserAccount account = administered(id);
        OrgUnit org = units.findByCode(orgCode).orElseThrow(() -> NotFoundException.of("组织"));
        UserAccount.Grant grant = new UserAccount.Grant(role, org.getId());
        if (!account.grants().contains(grant)) {
            throw NotFoundException.of("角色");
        }
        if (account.grants().size() == 1) {
            throw new BusinessRuleException("账号至少保留一个角色；如不再使用，请停用账号");
        }
        account.revoke(role, org.getId());
        audit.record(AuditAction.UPDATE, "账号", id, "收回 " + account.username() + " 角色 " + role.label() + "@" + orgCode);
    }

    /** The grants of an account, for the role page. */
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_EDIT + "')")
    public List<GrantView> grants(long id) {
        UserAccount account = administered(id);
        return account.grants().stream()
                .map(g -> {
                    OrgUnit org = units.findById(g.orgId()).orElseThrow();
                    return new GrantView(g.role(), org.code(), org.toRef().name());
                })
                .sorted(java.util.Comparator.comparing(GrantView::orgCode).thenComparing(GrantView::role))
                .toList();
    }

    /** One role held at one organisation, as the role page lists it. */
    public record GrantView(Role role, String orgCode, String orgName) {}

    private UserAccount administered(long id) {
        UserAccount account = accounts.findById(id).orElseThrow(() -> NotFoundException.of("账号"));
        requireAdministered(account.orgId());
        return account;
    }

    private void requireAdministered(long orgId) {
        if (!administeredOrgIds().contains(orgId)) {
            throw NotFoundException.of("账号");
        }
    }

    private Set<Long> administeredOrgIds() {
        LedgerUser user = CurrentUser.require();
        return user.grants().stream()
                .filter(g -> g.role() == Role.SYS_ADMIN || g.role() == Role.SEC_ADMIN)
                .flatMap(g -> units.findSubtree(g.orgPath()).stream())
                .map(OrgUnit::getId)
                .collect(Collectors.toSet());
    }
}
