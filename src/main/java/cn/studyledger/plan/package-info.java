/**
 * Annual study plans (学习计划): the year's themes (学习专题) and monthly arrangements (月度安排) of a central
 * group, drafted by the clerk and approved or returned with comments by the 组长; an approved plan is read-only
 * and changing it makes a new revision, the earlier ones kept as history. Each arrangement is linked to the
 * sessions that carried it out, which gives the plan execution rate ({@code plan.executionRate}).
 */
@ApplicationModule(
        displayName = "学习计划",
        allowedDependencies = {"common", "figure", "office", "org", "session"})
package cn.studyledger.plan;

import org.springframework.modulith.ApplicationModule;
