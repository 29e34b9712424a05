package cn.studyledger.common.security;

import java.io.Serializable;

/**
 * One role held at one organisation. Serializable because the signed-in user travels in the HTTP session, which
 * is stored in the database.
 *
 * @param role the role
 * @param orgId the organisation it is granted at
 * @param orgPath that organisation's materialised path, e.g. {@code /1/4/}
 */
public record RoleGrant(Role role, long orgId, String orgPath) implements Serializable {

    /** Whether this grant reaches the organisation with the given path. */
    public boolean covers(String targetPath) {
        return orgPath.equals(targetPath) || (role.coversDescendants() && targetPath.startsWith(orgPath));
    }
}
