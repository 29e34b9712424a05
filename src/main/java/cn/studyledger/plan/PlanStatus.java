package cn.studyledger.plan;

/** Life of one revision of an annual plan: drafted, submitted to the 组长, then approved or returned. */
public enum PlanStatus {
    DRAFT("草稿"),
    SUBMITTED("待审批"),
    APPROVED("已批准"),
    RETURNED("已退回");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the clerk may still change the plan's content in this state. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
