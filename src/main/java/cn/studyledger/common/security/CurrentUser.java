package cn.studyledger.common.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the signed-in {@link LedgerUser} from the security context. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<LedgerUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LedgerUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static LedgerUser require() {
        return find().orElseThrow(() -> new AccessDeniedException("未登录"));
    }

    /**
     * The authorities of the current authentication (permissions and {@code ROLE_…}), as the security expressions
     * see them; none without one.
     */
    public static java.util.Set<String> authorities() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return java.util.Set.of();
        }
        return authentication.getAuthorities().stream()
                .map(a -> a.getAuthority())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Whether the current authentication holds any of the authorities. */
    public static boolean holdsAny(String... authorities) {
        java.util.Set<String> held = authorities();
        return java.util.Arrays.stream(authorities).anyMatch(held::contains);
    }

    public static String usernameOrSystem() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
