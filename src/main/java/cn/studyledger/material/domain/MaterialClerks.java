package cn.studyledger.material.domain;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.OrgRef;

/** Who compiles an organisation's material issues and keeps its library: its clerk, with the material permission. */
final class MaterialClerks {

    private MaterialClerks() {}

    static boolean isClerk(OrgRef org) {
        LedgerUser user = CurrentUser.require();
        return user.hasRoleAt(Role.CLERK, org.path())
                && user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Permissions.MATERIAL_EDIT));
    }

    /** Whether the current user may change the organisation's records: reads it and is its clerk. */
    static boolean maintains(OrgRef org) {
        return CurrentUser.require().canRead(org.path()) && isClerk(org);
    }
}
