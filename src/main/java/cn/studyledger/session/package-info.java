/**
 * Collective study (集中学习): study sessions with their agenda (the FIRST_TOPIC flag among them), the
 * attendance of the group's members and the make-up study after a leave, and the group's 学习测试 (theory tests, who took
 * part, scores kept for the clerk and the 组长 and never ranked); defines the session and test figures. It tells the
 * modules above it what happened through events (SessionPlanned, AgendaChanged, AttendanceRecorded, SessionHeld, SessionCancelled, SessionCorrected …)
 * and asks them for what an agenda row may study through {@code AgendaSource}, which they implement. It gives its
 * issued 学习简报 to outreach through {@code SessionApi#issuedBrief} and its papers to the year's dossier as a
 * {@code DossierProvider}.
 */
@ApplicationModule(
        displayName = "集中学习",
        allowedDependencies = {"common", "figure", "office", "org"})
package cn.studyledger.session;

import org.springframework.modulith.ApplicationModule;
