/**
 * Tracking (跟踪督办): the one lifecycle that follow-up tasks of the first topic and rectification items of
 * supervision visits share (owner, due date, OPEN → DONE with evidence | CANCELLED with a reason, overdue
 * derived, never stored), the list of overdue items across the modules that contribute them through
 * {@link cn.studyledger.tracking.OverdueProvider}, and the working-day calendar (weekends, configurable holidays
 * and make-up working days 调休) that deadlines counted in working days rely on.
 */
@ApplicationModule(
        displayName = "跟踪督办",
        allowedDependencies = {"common", "org"})
package cn.studyledger.tracking;

import org.springframework.modulith.ApplicationModule;
