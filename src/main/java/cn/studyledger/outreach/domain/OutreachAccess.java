package cn.studyledger.outreach.domain;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import org.springframework.stereotype.Component;

/**
 * The data scope of outreach records: anyone who reads the organisation's study records reads them; only the
 * organisation's own clerk changes them. A record outside one's sight is "not found", whatever its id.
 */
@Component
class OutreachAccess {

    private final OrgApi orgs;

    OutreachAccess(OrgApi orgs) {
        this.orgs = orgs;
    }

    OrgRef readable(String orgCode) {
        return orgs.requireReadable(orgCode);
    }

    /** The organisation if the current user is its clerk: 404 outside sight, 403 without the role. */
    OrgRef clerkOf(String orgCode) {
        return orgs.requireRole(orgCode, Role.CLERK);
    }

    /** The organisation of a record, if the current user may read it; otherwise "not found" for the record. */
    OrgRef readableRecord(long orgId, String object) {
        OrgRef org = orgs.get(orgId);
        if (!CurrentUser.require().canRead(org.path())) {
            throw NotFoundException.of(object);
        }
        return org;
    }

    /** The organisation of a record, if the current user is its clerk; otherwise "not found" for the record. */
    OrgRef editableRecord(long orgId, String object) {
        OrgRef org = readableRecord(orgId, object);
        if (!isClerk(org)) {
            throw NotFoundException.of(object);
        }
        return org;
    }

    /** Whether the current user may change records of the organisation with this id (its clerk). */
    boolean mayEditRecord(long orgId) {
        OrgRef org = orgs.get(orgId);
        return CurrentUser.require().canRead(org.path()) && isClerk(org);
    }

    boolean isClerk(OrgRef org) {
        LedgerUser user = CurrentUser.require();
        return user.hasRoleAt(Role.CLERK, org.path())
                && user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Permissions.OUTREACH_EDIT));
    }

    boolean edits(String orgCode) {
        return isClerk(readable(orgCode));
    }
}
