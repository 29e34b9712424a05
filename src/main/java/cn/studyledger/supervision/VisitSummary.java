package cn.studyledger.supervision;

import java.time.LocalDate;

/**
 * A supervision visit as other modules (dashboard, rules, report) see it.
 *
 * @param id visit id
 * @param superiorOrgId the organisation whose observers visit
 * @param unitOrgId the subordinate unit visited
 * @param unitName its name
 * @param plannedOn the date of the unit's session
 * @param sessionTitle what the session studies
 * @param stage where the visit stands
 * @param summaryLate the 小结 came (or is still missing) after its due date
 * @param openItems rectification items not yet closed or cancelled
 * @param overdueItems open rectification items past their due date
 */
public record VisitSummary(
        long id,
        long superiorOrgId,
        long unitOrgId,
        String unitName,
        LocalDate plannedOn,
        String sessionTitle,
        VisitStage stage,
        boolean summaryLate,
        int openItems,
        int overdueItems) {}
