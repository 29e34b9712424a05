package cn.studyledger.session;

/** 请假申请的状态. */
public enum LeaveStatus {
    REQUESTED("待审批"),
    APPROVED("已批准"),
    REFUSED("未批准");

    private final String label;

    LeaveStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
