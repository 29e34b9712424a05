/**
 * Figures and the annual report (年度报告): collects every module's {@link cn.studyledger.report.FigureProvider},
 * serves the figures with their evidence, and keeps the annual report as revisions of editable narrative blocks
 * with figure tokens (DRAFT → SUBMITTED → FINAL with the figures frozen, reopened by the 组长 as the next
 * revision), drafts its problems and next steps from the rules' {@link cn.studyledger.report.FindingSource}, and
 * writes it as .docx in the GB/T 9704 layout or a user's poi-tl template, and as PDF through LibreOffice, from the
 * web and from the command line.
 */
@ApplicationModule(displayName = "年度报告")
package cn.studyledger.report;

import org.springframework.modulith.ApplicationModule;
