package cn.studyledger.org.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class AccountLockoutTests {

    final LocalDateTime now = LocalDateTime.of(2025, 3, 18, 9, 0);

    UserAccount account() {
        return new UserAccount("someone", "{noop}x", null, 1, false);
    }

    @Test
    void fifthFailedLoginLocksTheAccountForFifteenMinutes() {
        UserAccount account = account();
        for (int i = 0; i < 4; i++) {
            account.loginFailed(now);
        }
        assertThat(account.isLocked(now)).isFalse();
        account.loginFailed(now);
        assertThat(account.isLocked(now)).isTrue();
        assertThat(account.isLocked(now.plusMinutes(14))).isTrue();
        assertThat(account.isLocked(now.plusMinutes(15))).isFalse();
    }

    @Test
    void attemptsWhileLockedDoNotExtendTheLock() {
        UserAccount account = account();
        for (int i = 0; i < 5; i++) {
            account.loginFailed(now);
        }
        account.loginFailed(now.plusMinutes(10));
        assertThat(account.lockedUntil()).isEqualTo(now.plusMinutes(15));
    }

    @Test
    void aFailureAfterTheLockExpiredStartsCountingAfresh() {
        UserAccount account = account();
        for (int i = 0; i < 5; i++) {
            account.loginFailed(now);
        }
        account.loginFailed(now.plusMinutes(20));
        assertThat(account.isLocked(now.plusMinutes(20))).isFalse();
        assertThat(account.failedAttempts()).isEqualTo(1);
    }

    @Test
    void successfulLoginClearsTheCount() {
        UserAccount account = account();
        account.loginFailed(now);
        account.loginFailed(now);
        account.loginSucceeded(now);
        assertThat(account.failedAttempts()).isZero();
    }
}
