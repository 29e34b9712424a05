package cn.studyledger.session;

import java.time.LocalDate;

/**
 * How one expected participant took part in a held session: the one definition behind the participation rate
 * ({@code attendance.rate}), the attendance chart, the rules and the personal 学习档案. Present, or on leave with the
 * make-up done by its due date (按期补学), counts as having taken part ({@link #counts()}); a make-up done after it is
 * late and does not. The grouped tally SQL of the roll-up states the same rule and is proven equal to it by the
 * figure contract test.
 */
public enum Participation {
    PRESENT("出席"),
    MADE_UP("请假（按期补学）"),
    MADE_UP_LATE("请假（逾期补学）"),
    LEAVE_OPEN("请假（未补学）"),
    ABSENT("缺席"),
    UNRECORDED("未登记");

    private final String label;

    Participation(String label) {
        this.label = label;
    }

    /**
     * The participation of an attendance of this status whose make-up (for a leave), due on {@code makeUpDueOn}, was
     * done on {@code makeUpDoneOn}; a make-up without a due date is on time.
     */
    public static Participation of(AttendanceStatus status, LocalDate makeUpDueOn, LocalDate makeUpDoneOn) {
        if (status == null) {
            return UNRECORDED;
        }
        return switch (status) {
            case PRESENT -> PRESENT;
            case LEAVE -> {
                if (makeUpDoneOn == null) {
                    yield LEAVE_OPEN;
                }
                yield makeUpDueOn == null || !makeUpDoneOn.isAfter(makeUpDueOn) ? MADE_UP : MADE_UP_LATE;
            }
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
