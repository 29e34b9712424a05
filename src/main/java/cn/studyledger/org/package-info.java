/**
 * Organisations and people (组织人员): the organisation tree as a materialised path, people with their
 * position and youth-cadre / expert flags, the yearly membership of each central group, user accounts with
 * their role grants, and the data scope every other module asks before it reads or writes.
 */
@ApplicationModule(
        displayName = "组织人员",
        allowedDependencies = {"common"})
package cn.studyledger.org;

import org.springframework.modulith.ApplicationModule;
