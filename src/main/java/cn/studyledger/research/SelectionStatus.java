package cn.studyledger.research;

/** Life of an excellent-report selection (优秀调研报告评选): judges score while it is open; finished, it is read-only. */
public enum SelectionStatus {
    OPEN("评分中"),
    FINISHED("已结束");

    private final String label;

    SelectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
