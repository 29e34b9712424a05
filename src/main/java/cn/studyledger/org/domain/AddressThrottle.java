package cn.studyledger.org.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per source address: after {@code ledger.login.address-max-failures} failures within
 * {@code ledger.login.address-window} the address is refused (the same answer as a wrong password) until the
 * window has passed. Kept in memory, per instance: it only slows down guessing across many accounts from one
 * address, while the per-account lock in the database is the limit that holds across instances; in memory it costs
 * no database write for each attempt on an unknown account, and a restart forgets at most one window.
 */
@Component
class AddressThrottle {

    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> failures = new ConcurrentHashMap<>();

    AddressThrottle(
            @Value("${ledger.login.address-max-failures:30}") int maxFailures,
            @Value("${ledger.login.address-window:10m}") Duration window,
            Clock clock) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    private record Window(Instant start, int count) {}

    boolean admits(String address) {
        Window w = failures.get(address);
        return w == null || expired(w, clock.instant()) || w.count() < maxFailures;
    }

    void failed(String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(w -> expired(w, now));
        }
        failures.compute(
                address,
                (a, w) -> w == null || expired(w, now) ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
    }

    private boolean expired(Window w, Instant now) {
        return !w.start().plus(window).isAfter(now);
    }
}
