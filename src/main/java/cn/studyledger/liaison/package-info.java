/**
 * Between levels (上下级): an organisation's 学习提示 / 学习安排 to its direct subordinate units — the units acknowledge
 * them (签收) and link the sessions that carried them out, the issuer reads per unit whether each was read, acted on
 * or is overdue — and the coverage figure {@code notices.coverage}; and 报送 up, once: a unit files its own final plan,
 * reports and member list to the organisation above it, which accepts or returns them ({@code submissions.onTime}
 * of the filings received, {@code submissions.filedOnTime} of the unit's own). Nothing a unit recorded is typed again above it:
 * the issuer reads the unit's own sessions.
 */
@ApplicationModule(
        displayName = "上下级联络",
        allowedDependencies = {"common", "figure", "office", "org", "plan", "report", "session", "tracking"})
package cn.studyledger.liaison;

import org.springframework.modulith.ApplicationModule;
