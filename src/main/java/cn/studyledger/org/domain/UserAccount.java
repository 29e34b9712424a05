package cn.studyledger.org.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.security.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A sign-in account. The failure counter and the lock are changed only by single SQL statements of
 * {@link LoginAttempts} (several instances count together); {@code @DynamicUpdate} keeps an administrator's edit
 * of this entity from writing back a stale counter.
 */
@Entity
@DynamicUpdate
@Table(name = "org_account")
class UserAccount extends BaseEntity {

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "org_id", nullable = false)
    private long orgId;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private LocalDateTime lockedUntil;

    @Column(name = "lock_count", nullable = false)
    private int lockCount;

    /** Set while the password is a one-time first-password code: after this it no longer signs in. */
    @Column(name = "password_expires_at")
    private LocalDateTime passwordExpiresAt;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "last_login_at")
    private LocalDateTime lastLoginAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "org_role_grant", joinColumns = @JoinColumn(name = "account_id"))
    private Set<Grant> grants = new HashSet<>();

    protected UserAccount() {}

    UserAccount(String username, String passwordHash, Long personId, long orgId, boolean mustChangePassword) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.personId = personId;
        this.orgId = orgId;
        this.mustChangePassword = mustChangePassword;
    }

    void grant(Role role, long atOrgId) {
        grants.add(new Grant(role, atOrgId));
        touch();
    }

    void revoke(Role role, long atOrgId) {
        grants.remove(new Grant(role, atOrgId));
        touch();
    }

    boolean isLocked(LocalDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void unlock() {
        failedAttempts = 0;
        lockedUntil = null;
        lockCount = 0;
    }

    void changePassword(String newHash, boolean mustChangeNext) {
        this.passwordHash = newHash;
        this.mustChangePassword = mustChangeNext;
        this.passwordExpiresAt = null;
    }

    /** Replaces the password by a one-time code (stored as its hash) that must be replaced at first sign-in. */
    void issueCode(String codeHash, LocalDateTime expiresAt) {
        this.passwordHash = codeHash;
        this.mustChangePassword = true;
        this.passwordExpiresAt = expiresAt;
        unlock();
    }

    boolean passwordExpired(LocalDateTime now) {
        return passwordExpiresAt != null && !passwordExpiresAt.isAfter(now);
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    Long personId() {
        return personId;
    }

    long orgId() {
        return orgId;
    }

    boolean isEnabled() {
        return enabled;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    LocalDateTime lockedUntil() {
        return lockedUntil;
    }

    LocalDateTime lastLoginAt() {
        return lastLoginAt;
    }

    Set<Grant> grants() {
        return grants;
    }

    @Embeddable
    record Grant(
            @Enumerated(EnumType.STRING) @Column(name = "role", nullable = false)
            Role role,

            @Column(name = "org_id", nullable = false) long orgId) {}
}
