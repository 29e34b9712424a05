/**
 * Compliance rules (规则检查): the rule table of DESIGN.md §4 per organisation and year — each rule switched on or
 * off, with its thresholds, the document it comes from and, for 成员发言 and 学习成果, the kinds of speech or writing
 * that count, defaults from the code copied in on first use — and
 * their evaluation on demand and nightly over the records of the other modules (read through their root APIs
 * only). The latest evaluation's findings are stored with the records behind them, listed on a page with links to
 * those records, and supplied to the annual report's 三、存在的问题与不足 / 四、下一步工作打算 drafts and the dashboard
 * through {@link cn.studyledger.report.FindingSource}.
 */
@ApplicationModule(
        displayName = "规则检查",
        allowedDependencies = {
            "common",
            "figure",
            "firsttopic",
            "liaison",
            "org",
            "plan",
            "report",
            "selfstudy",
            "session",
            "supervision",
            "tracking"
        })
package cn.studyledger.rules;

import org.springframework.modulith.ApplicationModule;
