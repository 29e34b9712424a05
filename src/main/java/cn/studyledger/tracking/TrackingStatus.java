package cn.studyledger.tracking;

/** Life of a tracked item (a follow-up task, a rectification item): open until done (with evidence) or cancelled. */
public enum TrackingStatus {
    OPEN("推进中"),
    DONE("已办结"),
    CANCELLED("已撤销");

    private final String label;

    TrackingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
