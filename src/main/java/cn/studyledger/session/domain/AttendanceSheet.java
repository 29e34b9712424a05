package cn.studyledger.session.domain;

import cn.studyledger.session.AttendanceStatus;
import java.util.Map;

/**
 * What the clerk sends from the attendance sheet of a session.
 *
 * @param statuses the status given for each participant, by person id
 * @param leaves for those marked 请假: the reason and who approved it (none: the leave is routed to its approver)
 * @param others the status of everyone expected who is neither given nor yet recorded (全部出席, then the exceptions);
 *     null for nobody
 * @param reason why a held session's attendance is changed (更正原因): required then
 */
public record AttendanceSheet(
        Map<Long, AttendanceStatus> statuses, Map<Long, Leave> leaves, AttendanceStatus others, String reason) {

    public AttendanceSheet {
        statuses = Map.copyOf(statuses);
        leaves = Map.copyOf(leaves);
    }

    /** Only the statuses given. */
    public static AttendanceSheet of(Map<Long, AttendanceStatus> statuses) {
        return new AttendanceSheet(statuses, Map.of(), null, null);
    }

    /**
     * A participant marked 请假 on the sheet.
     *
     * @param reason the 请假事由
     * @param approvedBy the person who approved it (the 组长, or a 副组长 for the 组长); null to route it to them
     */
    public record Leave(String reason, Long approvedBy) {}
}
