/**
 * Figures (统计口径): collects every module's {@link cn.studyledger.figure.FigureProvider}, computes each figure of
 * an organisation's year with the records behind it ({@link cn.studyledger.figure.Evidence}), tallies one figure
 * over many units in grouped statements for the roll-ups, and serves them to the rules, the dashboard, the
 * annual report and the pages and API under {@code /figures}, through {@link cn.studyledger.figure.FigureApi}.
 */
@ApplicationModule(
        displayName = "统计口径",
        allowedDependencies = {"common", "org"})
package cn.studyledger.figure;

import org.springframework.modulith.ApplicationModule;
