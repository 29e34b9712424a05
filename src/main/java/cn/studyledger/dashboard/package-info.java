/**
 * Read-only views over the other modules' APIs: the dashboard (统计图表) of an organisation and year, whose tiles
 * are the annual report's figures and whose ECharts charts (sessions per month, attendance and self-study per
 * member, first-topic closure and lag, recommendations, supervision coverage, rule findings) each link to the
 * records behind them; the superior's roll-up table and charts across subordinate units; and the personal 学习档案
 * of a member for a year with its Word and Excel exports. Nothing depends on this module.
 */
@ApplicationModule(
        displayName = "统计分析",
        allowedDependencies = {
            "common",
            "figure",
            "office",
            "org",
            "report",
            "research",
            "selfstudy",
            "session",
            "supervision"
        })
package cn.studyledger.dashboard;

import org.springframework.modulith.ApplicationModule;
