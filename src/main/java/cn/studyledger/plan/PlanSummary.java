package cn.studyledger.plan;

import java.time.LocalDateTime;

/**
 * One revision of an annual plan as other modules see it.
 *
 * @param id plan id (of this revision)
 * @param orgId organisation whose plan it is
 * @param year the plan's year
 * @param revision 1 for the first plan of the year, n+1 for each 修订
 * @param status where the revision stands
 * @param approvedAt when the 组长 approved this revision, null unless approved
 * @param arrangements number of monthly arrangements
 */
public record PlanSummary(
        long id, long orgId, int year, int revision, PlanStatus status, LocalDateTime approvedAt, int arrangements) {}
