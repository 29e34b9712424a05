package cn.studyledger.firsttopic;

/**
 * Whether an item was studied within the rule's 30 days of its publication (DESIGN.md §4), judged by the first
 * held session that studied it.
 */
public enum StudyTimeliness {
    ON_TIME("按时学习"),
    LATE("超30天学习"),
    PENDING("待学习"),
    OVERDUE("超30天未学习");

    private final String label;

    StudyTimeliness(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the rule is broken: studied late, or not studied and already past the limit. */
    public boolean breaksRule() {
        return this == LATE || this == OVERDUE;
    }

    /** Whether no held session has studied the item yet. */
    public boolean notStudied() {
        return this == PENDING || this == OVERDUE;
    }
}
