package cn.studyledger.plan;

/** What a line of a plan's history records. */
public enum PlanAction {
    SUBMIT("提交审批"),
    APPROVE("批准"),
    RETURN("退回修改"),
    REVISE("发起修订");

    private final String label;

    PlanAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
