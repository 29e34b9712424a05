/**
 * Supervision (列席旁听): a superior organisation's annual plan of visits to the central-group sessions of its
 * subordinate units, aiming at full coverage; per visit the three stages — 会前审方案 (the unit submits its 学习方案,
 * materials and speech outlines the working days ahead the rule settings give, observers approve or return them), 会中看实效
 * (on-site notes and ratings against configurable weighted criteria), 会后提建议 (a 小结 of at most 500 characters
 * within the working days the rule settings give) — and the rectification items (整改) the unit completes and the observers close, on the
 * shared tracking lifecycle. Defines {@code supervision.visits}, {@code supervision.coverage} and, about
 * the visited unit, {@code supervision.rating}.
 */
@ApplicationModule(
        displayName = "列席旁听",
        allowedDependencies = {"common", "figure", "office", "org", "tracking"})
package cn.studyledger.supervision;

import org.springframework.modulith.ApplicationModule;
