package cn.studyledger.org.domain;

import java.time.LocalDateTime;
import java.util.List;

/** An account as the administration page lists it. */
public record AccountView(
        long id,
        String username,
        String orgName,
        List<String> roles,
        boolean enabled,
        boolean locked,
        int failedAttempts,
        LocalDateTime lastLoginAt) {

    static AccountView of(UserAccount a, LocalDateTime now, OrgUnitRepository units) {
        List<String> roles = a.grants().stream()
                .map(g -> g.role().label() + "@"
                        + units.findById(g.orgId()).map(OrgUnit::code).orElse("?"))
                .sorted()
                .toList();
        String orgName = units.findById(a.orgId()).map(u -> u.toRef().name()).orElse("");
        return new AccountView(
                a.getId(),
                a.username(),
                orgName,
                roles,
                a.isEnabled(),
                a.isLocked(now),
                a.failedAttempts(),
                a.lastLoginAt());
    }
}
