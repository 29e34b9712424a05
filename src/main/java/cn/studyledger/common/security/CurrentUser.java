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

    public static String usernameOrSystem() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
