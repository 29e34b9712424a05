package cn.studyledger.session;

/** Life of a session: planned, then held — or cancelled before it was held (kept on record, never counted). */
public enum SessionStatus {
    PLANNED("计划中"),
    HELD("已举行"),
    CANCELLED("已取消");

    private final String label;

    SessionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
