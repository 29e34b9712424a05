package cn.studyledger.session;

/** 参会身份. */
public enum AttendeeRole {
    MEMBER("中心组成员"),
    ATTENDEE("列席");

    private final String label;

    AttendeeRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
