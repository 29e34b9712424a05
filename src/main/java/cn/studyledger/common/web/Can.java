package cn.studyledger.common.web;

import cn.studyledger.common.security.CurrentUser;
import java.util.Arrays;
import java.util.Set;

/**
 * What the signed-in user holds, for showing or hiding menu entries and buttons on pages
 * ({@code th:if="${can.has('session:session:edit')}"}): a set lookup instead of a security expression evaluated
 * per element, which cost a noticeable share of every page. Pages only hide; every endpoint checks for itself.
 */
public record Can(Set<String> authorities) {

    public static final Can NOTHING = new Can(Set.of());

    /** The authorities of the current authentication, as the security expressions would see them. */
    public static Can current() {
        return new Can(CurrentUser.authorities());
    }

    public boolean has(String authority) {
        return authorities.contains(authority);
    }

    public boolean any(String... authorities) {
        return Arrays.stream(authorities).anyMatch(this.authorities::contains);
    }

    /** For hasRole('X'): the role's authority is ROLE_X. */
    public boolean role(String role) {
        return authorities.contains("ROLE_" + role);
    }
}
