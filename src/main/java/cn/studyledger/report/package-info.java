/**
 * Figures and the annual report (年度报告): collects every module's {@link cn.studyledger.report.FigureProvider},
 * serves the figures with their evidence, and writes the annual report as .docx in the GB/T 9704 layout,
 * from the web and from the command line.
 */
@ApplicationModule(displayName = "年度报告")
package cn.studyledger.report;

import org.springframework.modulith.ApplicationModule;
