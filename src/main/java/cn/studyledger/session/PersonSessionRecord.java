package cn.studyledger.session;

import java.time.LocalDate;
import java.util.List;

/**
 * One session as it concerns one person, for the personal 学习档案.
 *
 * @param sessionId the session
 * @param date its date
 * @param title its 学习主题
 * @param format its form
 * @param held whether it was held
 * @param role member or 列席
 * @param attendance the person's attendance, null while unrecorded
 * @param makeUpDueOn for a leave: when the make-up is due
 * @param makeUpDoneOn for a leave: when it was done, null while open
 * @param speeches the person's speeches at it ("重点发言：题目")
 */
public record PersonSessionRecord(
        long sessionId,
        LocalDate date,
        String title,
        SessionFormat format,
        boolean held,
        AttendeeRole role,
        AttendanceStatus attendance,
        LocalDate makeUpDueOn,
        LocalDate makeUpDoneOn,
        List<String> speeches) {

    /** How the person took part, by the one definition of the participation rate. */
    public Participation participation() {
        return Participation.of(attendance, makeUpDueOn, makeUpDoneOn);
    }
}
