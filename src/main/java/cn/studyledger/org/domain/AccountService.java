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
import cn.studyledger.org.OrgRef;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
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

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final OrgUnitRepository units;
    private final PersonRepository people;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Duration codeValidity;
    private final Clock clock;

    AccountService(
            UserAccountRepository accounts,
            OrgUnitRepository units,
            PersonRepository people,
            PasswordEncoder encoder,
            AuditLog audit,
            @Value("${ledger.accounts.first-password-validity:24h}") Duration codeValidity,
            Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.units = units;
        this.people = people;
        this.encoder = encoder;
        this.audit = audit;
        this.codeValidity = codeValidity;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account =
                accounts.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("账号不存在"));
        return toUser(account);
    }

    LedgerUser toUser(UserAccount account) {
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
                account.isLocked(LocalDateTime.now(clock)),
                account.personId(),
                displayName,
                account.orgId(),
                account.mustChangePassword(),
                grants);
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
        LocalDateTime now = LocalDateTime.now(clock);
        return PageResult.of(result, a -> AccountView.of(a, now, units));
    }

    /**
     * Opens an account without a role and without a usable password: the security administrator grants its roles
     * and issues its first-password code, so the system administrator who creates it never knows a password.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_EDIT + "')")
    public long create(AccountCommand command) {
        if (accounts.existsByUsername(command.username().trim())) {
            throw new BusinessRuleException("账号“" + command.username().trim() + "”已存在");
        }
        OrgUnit org = units.findByCode(command.orgCode()).orElseThrow(() -> NotFoundException.of("组织"));
        requireAdministered(org.getId());
        Long personId = command.personId();
        if (personId != null) {
            Person person = people.findById(personId).orElseThrow(() -> NotFoundException.of("人员"));
            if (person.orgId() != org.getId()) {
                throw new BusinessRuleException("关联人员须属于账号所在组织");
            }
        }
        UserAccount account =
                new UserAccount(command.username().trim(), encoder.encode(randomCode()), personId, org.getId(), true);
        account.issueCode(account.passwordHash(), LocalDateTime.now(clock));
        accounts.save(account);
        audit.record(
                AuditAction.CREATE,
                "账号",
                account.getId(),
                "新增账号 " + account.username() + "（" + org.code() + "），待安全管理员授予角色并签发首次登录码");
        return account.getId();
    }

    @Transactional
    @PreAuthorize(
            "hasAuthority('" + Permissions.ACCOUNT_UNLOCK + "') or hasAuthority('" + Permissions.ACCOUNT_EDIT + "')")
    public void unlock(long id) {
        UserAccount account = administered(id);
        AccountDuties.require(CurrentUser.require(), account, AccountDuties.Action.UNLOCK);
        account.unlock();
        audit.record(AuditAction.UPDATE, "账号", id, "解除锁定 " + account.username());
    }

    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_EDIT + "')")
    public void setEnabled(long id, boolean enabled) {
        UserAccount account = administered(id);
        AccountDuties.require(CurrentUser.require(), account, AccountDuties.Action.ENABLE);
        account.setEnabled(enabled);
        audit.record(AuditAction.UPDATE, "账号", id, (enabled ? "启用账号 " : "停用账号 ") + account.username());
    }

    /**
     * Issues a one-time first-password code (a new account, or a forgotten password): random, shown once, stored
     * only as its hash, signs in for {@code ledger.accounts.first-password-validity} and must then be replaced.
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_CODE + "')")
    public IssuedCode issueCode(long id) {
        UserAccount account = administered(id);
        AccountDuties.require(CurrentUser.require(), account, AccountDuties.Action.CODE);
        return new IssuedCode(account.username(), issueCode(account), codeValidity.toHours());
    }

    /** A first-password code as shown once to the security administrator. */
    public record IssuedCode(String username, String code, long validHours) {}

    /** Replaces the account's password by a new code, audited; also used by the {@code unlock} command. */
    String issueCode(UserAccount account) {
        String code = randomCode();
        account.issueCode(encoder.encode(code), LocalDateTime.now(clock).plus(codeValidity));
        audit.record(
                AuditAction.UPDATE,
                "账号",
                account.getId(),
                "签发首次登录码 " + account.username() + "（" + codeValidity.toHours() + "小时内有效）");
        return code;
    }

    /** 16 characters from 56 letters and digits (about 93 bits), without the look-alikes 0/O, 1/l/I. */
    private static String randomCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * Grants a role at an organisation of the security administrator's subtree, within the rules of
     * {@link AccountDuties} (三员分立, never to oneself).
     */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_GRANT + "')")
    public void grant(long id, Role role, String orgCode) {
        UserAccount account = administered(id);
        AccountDuties.require(CurrentUser.require(), account, AccountDuties.Action.ROLES);
        OrgUnit org = units.findByCode(orgCode).orElseThrow(() -> NotFoundException.of("组织"));
        requireAdministered(org.getId());
        if (account.grants().contains(new UserAccount.Grant(role, org.getId()))) {
            throw new BusinessRuleException("该账号已在" + org.toRef().name() + "拥有" + role.label() + "角色");
        }
        List<Role> roles = new java.util.ArrayList<>(
                account.grants().stream().map(UserAccount.Grant::role).toList());
        roles.add(role);
        AccountDuties.refusal(roles).ifPresent(reason -> {
            throw new BusinessRuleException(reason);
        });
        account.grant(role, org.getId());
        audit.record(AuditAction.UPDATE, "账号", id, "授予 " + account.username() + " 角色 " + role.label() + "@" + orgCode);
    }

    /** Revokes one role grant; an account keeps at least one role. */
    @Transactional
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_GRANT + "')")
    public void revoke(long id, Role role, String orgCode) {
        UserAccount account = administered(id);
        AccountDuties.require(CurrentUser.require(), account, AccountDuties.Action.ROLES);
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
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_GRANT + "')")
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

    /** The organisations the security administrator may grant roles at, tree order. */
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_GRANT + "')")
    public List<OrgRef> grantableOrgs() {
        return units.findAllById(administeredOrgIds()).stream()
                .sorted(java.util.Comparator.comparing(OrgUnit::path))
                .map(OrgUnit::toRef)
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
