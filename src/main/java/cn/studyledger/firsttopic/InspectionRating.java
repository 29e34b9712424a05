package cn.studyledger.firsttopic;

/** The rating an inspection (督查问效) gives a task's implementation. */
public enum InspectionRating {
    GOOD("好"),
    FAIRLY_GOOD("较好"),
    AVERAGE("一般"),
    POOR("差");

    private final String label;

    InspectionRating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
