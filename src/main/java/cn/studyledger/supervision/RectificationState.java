package cn.studyledger.supervision;

/**
 * A rectification item as users see it: the shared lifecycle's status plus the observers' closure (销号) of work
 * the unit reported done.
 */
public enum RectificationState {
    OPEN("整改中"),
    AWAITING_CLOSURE("待销号"),
    CLOSED("已销号"),
    CANCELLED("已撤销");

    private final String label;

    RectificationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Closed or cancelled: nothing more is expected of anyone. */
    public boolean isResolved() {
        return this == CLOSED || this == CANCELLED;
    }
}
