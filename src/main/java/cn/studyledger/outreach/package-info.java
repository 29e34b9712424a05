/**
 * 宣传联动: the links between the central group's study and the rest of the organisation — youth theory
 * groups (青年理论学习小组) of the organisation's youth cadres and the Party branches (党支部) that join the
 * group's 联学共建 sessions, the publicity items (宣传) published on internal journals, bulletin boards,
 * government new media and superiors' journals, and the experience-exchange meetings (经验交流会) held or
 * attended. The session module owns the sessions; this module owns only the links to them. Defines
 * {@code publicity.items}, {@code outreach.jointSessions} and {@code outreach.exchangeMeetings}.
 */
@ApplicationModule(
        displayName = "宣传联动",
        allowedDependencies = {"common", "figure", "office", "org", "session"})
package cn.studyledger.outreach;

import org.springframework.modulith.ApplicationModule;
