package cn.studyledger.org.domain;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The failed-sign-in counter and the lock of an account, kept in the database by single UPDATE statements
 * ({@code failed_attempts = failed_attempts + 1}), so parallel attempts and several instances count together and
 * no version conflict can answer 500. The {@code ledger.login.max-failures}-th failure in a row locks the account
 * for {@code ledger.login.lockout}, each further lock without a sign-in in between twice as long, at most
 * {@code ledger.login.max-lockout}; failures while it is locked are not counted.
 */
@Component
class LoginAttempts {

    private final JdbcClient jdbc;
    private final int maxFailures;
    private final List<Duration> lockouts;
    private final String failureSql;

    LoginAttempts(
            JdbcClient jdbc,
            @Value("${ledger.login.max-failures:5}") int maxFailures,
            @Value("${ledger.login.lockout:15m}") Duration lockout,
            @Value("${ledger.login.max-lockout:24h}") Duration maxLockout) {
        if (maxFailures < 1 || lockout.isNegative() || lockout.isZero() || maxLockout.compareTo(lockout) < 0) {
            throw new IllegalStateException("ledger.login.max-failures 须至少为1，ledger.login.max-lockout 不得短于 lockout");
        }
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.lockouts = doublings(lockout, maxLockout);
        StringBuilder until = new StringBuilder("case lock_count");
        for (int i = 0; i < lockouts.size() - 1; i++) {
            until.append(" when ").append(i).append(" then :until").append(i);
        }
        until.append(" else :until").append(lockouts.size() - 1).append(" end");
        String locks = "failed_attempts + 1 >= :max";
        this.failureSql = "update org_account set"
                + " failed_attempts = case when " + locks + " then 0 else failed_attempts + 1 end,"
                + " locked_until = case when " + locks + " then " + until + " else locked_until end,"
                + " lock_count = case when " + locks + " then lock_count + 1 else lock_count end"
                + " where username = :username and (locked_until is null or locked_until <= :now)";
    }

    /** 15 min, 30 min, 1 h, … up to the longest lock, which then repeats. */
    static List<Duration> doublings(Duration first, Duration longest) {
        List<Duration> result = new ArrayList<>();
        for (Duration d = first; d.compareTo(longest) < 0; d = d.multipliedBy(2)) {
            result.add(d);
        }
        result.add(longest);
        return result;
    }

    /**
     * What a failed sign-in did: not counted because the account is locked (by a parallel attempt, maybe on
     * another instance), counted, or counted and locking the account until the given time.
     */
    record Failure(boolean counted, Optional<LocalDateTime> lockedUntil) {}

    /**
     * Counts one failed sign-in of an existing, unlocked account in one statement; the lock, when this failure
     * sets it, is read back under the row lock the update holds.
     */
    @Transactional
    public Failure failed(String username, LocalDateTime now) {
        var statement = jdbc.sql(failureSql)
                .param("max", maxFailures)
                .param("username", username)
                .param("now", now);
        for (int i = 0; i < lockouts.size(); i++) {
            statement = statement.param("until" + i, now.plus(lockouts.get(i)));
        }
        if (statement.update() == 0) {
            return new Failure(false, Optional.empty());
        }
        return new Failure(
                true,
                jdbc.sql("select locked_until from org_account where username = ? and failed_attempts = 0"
                                + " and locked_until > ?")
                        .param(username)
                        .param(now)
                        .query(LocalDateTime.class)
                        .optional());
    }

    /**
     * Records a sign-in with the right password, unless the account was locked meanwhile (by a parallel attempt
     * on another instance): then it is refused like any locked account.
     */
    @Transactional
    public boolean succeeded(String username, LocalDateTime now) {
        return jdbc.sql("update org_account set failed_attempts = 0, lock_count = 0, locked_until = null,"
                                + " last_login_at = :now"
                                + " where username = :username and (locked_until is null or locked_until <= :now)")
                        .param("username", username)
                        .param("now", now)
                        .update()
                == 1;
    }
}
