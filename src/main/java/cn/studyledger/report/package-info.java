/**
 * The annual report (年度报告): keeps it as revisions of editable narrative blocks with tokens for the figures
 * of {@link cn.studyledger.figure.FigureApi} (DRAFT → SUBMITTED → FINAL with the figures frozen, reopened by the 组长 as the next
 * revision), drafts its problems and next steps from the rules' {@link cn.studyledger.report.FindingSource}, and
 * writes it with the office toolkit as .docx in the GB/T 9704 layout or a user's poi-tl template, and as PDF,
 * from the web and from the command line.
 */
@ApplicationModule(
        displayName = "年度报告",
        allowedDependencies = {"common", "figure", "office", "org"})
package cn.studyledger.report;

import org.springframework.modulith.ApplicationModule;
