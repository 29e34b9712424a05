package cn.studyledger.org.domain;

import cn.studyledger.common.security.LedgerUser;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password sign-in. Attempts on one account are checked one at a time on this instance, in the order they
 * arrive, so a burst of guesses cannot all be checked against the account before the lock of the first failures
 * is seen; the counting itself is in the database ({@link LoginAttempts}). Every refusal (unknown account, wrong
 * password, locked, disabled, expired code, throttled address) is an {@link AuthenticationException} whose message
 * only goes to the audit log; the login page answers them all alike.
 */
@Component
class AccountAuthentication implements AuthenticationProvider {

    /** BCrypt uses the first 72 bytes only: a longer password is not the one that was set. */
    static final int BCRYPT_MAX_BYTES = 72;

    private final UserAccountRepository accounts;
    private final AccountService service;
    private final LoginAttempts attempts;
    private final AddressThrottle addresses;
    private final PasswordEncoder encoder;
    private final Duration queueTimeout;
    private final ReentrantLock[] stripes = new ReentrantLock[64];
    private final String unknownAccountHash;
    private final Clock clock;

    AccountAuthentication(
            UserAccountRepository accounts,
            AccountService service,
            LoginAttempts attempts,
            AddressThrottle addresses,
            PasswordEncoder encoder,
            @Value("${ledger.login.queue-timeout:30s}") Duration queueTimeout,
            Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.service = service;
        this.attempts = attempts;
        this.addresses = addresses;
        this.encoder = encoder;
        this.queueTimeout = queueTimeout;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock(true);
        }
        // an unknown account costs the same hashing time as a known one, so timing does not tell them apart
        this.unknownAccountHash = encoder.encode("unknown-account-" + System.nanoTime());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? String.valueOf(web.getRemoteAddress())
                : "cli";
        if (!addresses.admits(address)) {
            throw new BadCredentialsException("来源地址失败次数过多，暂停受理");
        }
        try {
            refuseWithoutQueueing(username, password);
        } catch (AuthenticationException e) {
            addresses.failed(address);
            throw e;
        } catch (RuntimeException e) {
            throw new InternalAuthenticationServiceException(e.getMessage(), e);
        }
        ReentrantLock lock = stripes[Math.floorMod(username.hashCode(), stripes.length)];
        try {
            if (!lock.tryLock(queueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BadCredentialsException("同一账号的登录请求排队超时");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadCredentialsException("登录被中断");
        }
        try {
            UsernamePasswordAuthenticationToken result = check(username, password);
            result.setDetails(authentication.getDetails());
            return result;
        } catch (AuthenticationException e) {
            addresses.failed(address);
            throw e;
        } catch (RuntimeException e) {
            // e.g. the database is away: the login page's 503, not "wrong password"
            throw new InternalAuthenticationServiceException(e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Unknown, disabled and locked accounts are refused before the queue of the account, after the time a
     * password check takes: the answer and its timing do not tell them from a wrong password.
     */
    private void refuseWithoutQueueing(String username, String password) {
        Optional<UserAccount> found = accounts.findByUsername(username);
        if (found.isPresent() && found.get().isEnabled() && !found.get().isLocked(LocalDateTime.now(clock))) {
            return;
        }
        encoder.matches(password, unknownAccountHash);
        if (found.isEmpty()) {
            throw new BadCredentialsException("账号不存在");
        }
        throw found.get().isEnabled() ? new LockedException("账号已锁定") : new DisabledException("账号已停用");
    }

    /** Inside the account's queue: the state is read again, as earlier attempts may have locked it meanwhile. */
    private UsernamePasswordAuthenticationToken check(String username, String password) {
        LocalDateTime now = LocalDateTime.now(clock);
        boolean tooLong = password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES;
        Optional<UserAccount> found = accounts.findByUsername(username);
        if (found.isEmpty()) {
            throw new BadCredentialsException("账号不存在");
        }
        UserAccount account = found.get();
        if (!account.isEnabled()) {
            throw new DisabledException("账号已停用");
        }
        if (account.isLocked(now)) {
            throw new LockedException("账号已锁定");
        }
        if (tooLong || !encoder.matches(password, account.passwordHash())) {
            LoginAttempts.Failure failure = attempts.failed(username, now);
            if (!failure.counted()) {
                // locked meanwhile by an attempt on another instance
                throw new LockedException("账号已锁定（密码错误，未计数）");
            }
            throw new BadCredentialsException("账号或密码错误"
                    + failure.lockedUntil()
                            .map(until -> "，账号锁定至 " + until.withNano(0))
                            .orElse(""));
        }
        if (account.passwordExpired(now)) {
            throw new CredentialsExpiredException("首次登录码已过期");
        }
        if (!attempts.succeeded(username, now)) {
            throw new LockedException("账号已锁定");
        }
        LedgerUser user = service.toUser(account);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }
}
