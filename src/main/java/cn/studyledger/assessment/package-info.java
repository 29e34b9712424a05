/**
 * 年度考核: an organisation's year-end assessment of its direct subordinate units' central groups, made from the
 * units' own records — each criterion reads a figure ({@link cn.studyledger.figure.FigureApi}) against its target, or
 * the rule findings ({@link cn.studyledger.report.FindingSource}) with a deduction for each — plus the clerk's
 * adjustments with their reasons. The draft is published to the units, who may object within a set period of working
 * days; the 组长 approves it (never the one who published it) and the clerk issues it as a 通报 (.docx) from the
 * snapshot frozen at publication, with the commendations (先进集体). No ranking is shown by default: the units stand in
 * the organisation's own order, and only the issuer may sort its view by score.
 */
@ApplicationModule(
        displayName = "年度考核",
        allowedDependencies = {"common", "figure", "office", "org", "report", "tracking"})
package cn.studyledger.assessment;

import org.springframework.modulith.ApplicationModule;
