package cn.studyledger.common.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user: account, linked person, home organisation and role grants. Data-scope decisions
 * ({@link #canRead}, {@link #hasRoleAt}) are made from the grants, never from request parameters.
 */
public final class LedgerUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final Long personId;
    private final String displayName;
    private final long orgId;
    private final boolean mustChangePassword;
    private final List<RoleGrant> grants;
    private final boolean system;

    public LedgerUser(
            long accountId,
            String username,
            String passwordHash,
            boolean enabled,
            boolean locked,
            Long personId,
            String displayName,
            long orgId,
            boolean mustChangePassword,
            List<RoleGrant> grants) {
        this(
                accountId,
                username,
                passwordHash,
                enabled,
                locked,
                personId,
                displayName,
                orgId,
                mustChangePassword,
                grants,
                false);
    }

    private LedgerUser(
            long accountId,
            String username,
            String passwordHash,
            boolean enabled,
            boolean locked,
            Long personId,
            String displayName,
            long orgId,
            boolean mustChangePassword,
            List<RoleGrant> grants,
            boolean system) {
        this.accountId = accountId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.personId = personId;
        this.displayName = displayName;
        this.orgId = orgId;
        this.mustChangePassword = mustChangePassword;
        this.grants = List.copyOf(grants);
        this.system = system;
    }

    /** The identity of the command-line report run: reads every organisation, edits nothing. */
    public static LedgerUser system() {
        return new LedgerUser(
                0,
                "system",
                "",
                true,
                false,
                null,
                "系统",
                0,
                false,
                List.of(new RoleGrant(Role.SUPERIOR, 0, "/")),
                true);
    }

    public long accountId() {
        return accountId;
    }

    public Long personId() {
        return personId;
    }

    public String displayName() {
        return displayName;
    }

    public long orgId() {
        return orgId;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public List<RoleGrant> grants() {
        return grants;
    }

    public boolean isSystem() {
        return system;
    }

    public boolean hasRole(Role role) {
        return grants.stream().anyMatch(g -> g.role() == role);
    }

    /** Whether the user holds {@code role} at (or, for descendant-covering roles, above) the given org. */
    public boolean hasRoleAt(Role role, String orgPath) {
        return grants.stream().anyMatch(g -> g.role() == role && g.covers(orgPath));
    }

    /** Whether the user may read the study records of the organisation with this path. */
    public boolean canRead(String orgPath) {
        return system || grants.stream().anyMatch(g -> g.role().readsStudyRecords() && g.covers(orgPath));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        Set<String> names = new LinkedHashSet<>();
        for (RoleGrant grant : grants) {
            names.add("ROLE_" + grant.role().name());
            names.addAll(grant.role().permissions());
        }
        return names.stream().map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LedgerUser that && that.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "LedgerUser[" + username + "]";
    }
}
