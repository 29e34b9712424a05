package cn.studyledger.session;

import java.time.LocalDate;

/**
 * How one expected participant took part in a held session: the one definition behind the participation rate
 * ({@code attendance.rate}), the attendance chart, the rules and the personal 学习档案. Present, or on leave with the
 * make-up done, counts as having taken part ({@link #counts()}); the grouped tally SQL of the roll-up states the
 * same rule and is proven equal to it by the figure contract test.
 */
public enum Participation {
    PRESENT("出席"),
    MADE_UP("请假（已补学）"),
    LEAVE_OPEN("请假（未补学）"),
    ABSENT("缺席"),
    UNRECORDED("未登记");

    private final String label;

    Participation(String label) {
        this.label = label;
    }

    /** The participation of an attendance of this status whose make-up (for a leave) was done on that day. */
    public static Participation of(AttendanceStatus status, LocalDate makeUpDoneOn) {
        if (status == null) {
            return UNRECORDED;
        }
        return switch (status) {
            case PRESENT -> PRESENT;
            case LEAVE -> makeUpDoneOn == null ? LEAVE_OPEN : MADE_UP;
            case ABSENT -> ABSENT;
        };
    }

    /** Counted by the participation rate. */
    public boolean counts() {
        return this == PRESENT || this == MADE_UP;
    }

    public String label() {
        return label;
    }
}
