/**
 * Research and investigation (课题调研): the research topics (研讨课题) a central group takes up for its key tasks,
 * the sessions whose RESEARCH_TOPIC agenda items discussed them, and their recommendations (对策建议), proposed and
 * then adopted as a policy or measure (with document number and date) or not adopted; investigations (调研) with
 * their field trips, reports (by field 领域) and the year's excellent-report selection (评委打分、排名、评奖).
 * Defines the research, investigation, {@code org.field} and {@code fieldwork.count} figures and publishes the
 * adoption rate (学用转化) for the rules.
 */
@ApplicationModule(
        displayName = "课题调研",
        allowedDependencies = {"common", "figure", "office", "org", "session"})
package cn.studyledger.research;

import org.springframework.modulith.ApplicationModule;
