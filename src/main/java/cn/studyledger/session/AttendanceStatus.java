package cn.studyledger.session;

/** 考勤 of one expected participant. */
public enum AttendanceStatus {
    PRESENT("出席"),
    LEAVE("请假"),
    ABSENT("缺席");

    private final String label;

    AttendanceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
