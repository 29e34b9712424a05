/**
 * The first topic (第一议题): the register of the speeches and instructions to be studied first (议题库), the
 * FIRST_TOPIC agenda items of sessions that studied each one, the deployments decided on them with their
 * follow-up tasks (owner, due date, status, evidence) and the inspections of those tasks (督查问效); defines
 * {@code firsttopic.items}, the closure rate of the tasks and the median lag from publication to first study.
 * Cadence: 月跟进、季督办、年通报.
 */
@ApplicationModule(
        displayName = "第一议题",
        allowedDependencies = {"common", "figure", "office", "org", "session", "tracking"})
package cn.studyledger.firsttopic;

import org.springframework.modulith.ApplicationModule;
