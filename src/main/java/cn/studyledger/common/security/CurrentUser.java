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

    /** Whether the current authentication holds any of the authorities (permissions, or {@code ROLE_…}). */
    public static boolean holdsAny(String... authorities) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        java.util.Set<String> wanted = java.util.Set.of(authorities);
        return authentication.getAuthorities().stream().anyMatch(a -> wanted.contains(a.getAuthority()));
    }

    public static String usernameOrSystem() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
