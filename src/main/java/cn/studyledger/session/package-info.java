/**
 * Collective study (集中学习): study sessions with their agenda (the FIRST_TOPIC flag among them), the
 * attendance of the group's members and the make-up study after a leave; defines the session figures.
 */
@ApplicationModule(
        displayName = "集中学习",
        allowedDependencies = {"common", "figure", "office", "org"})
package cn.studyledger.session;

import org.springframework.modulith.ApplicationModule;
