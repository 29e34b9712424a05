package cn.studyledger.common.security;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work done by the system itself — a scheduled run, a command-line run, an event's after-commit listener — with no
 * user signed in: it runs signed in as {@link LedgerUser#system()}, for the current thread and only for its duration;
 * the thread's previous context is put back afterwards, so nothing leaks into the next task on that thread.
 */
public final class SystemIdentity {

    private SystemIdentity() {}

    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        LedgerUser identity = LedgerUser.system();
        system.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(identity, null, identity.getAuthorities()));
        SecurityContextHolder.setContext(system);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
