package cn.studyledger.session;

/** Life of a session: planned, then held. */
public enum SessionStatus {
    PLANNED("计划中"),
    HELD("已举行");

    private final String label;

    SessionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
