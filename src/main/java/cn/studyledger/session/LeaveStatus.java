package cn.studyledger.session;

/**
 * 请假申请的状态. A 组长's leave is decided by a 副组长; where the group has none it is NOTED (报备): recorded and in
 * effect without anyone's approval, since nobody decides their own request.
 */
public enum LeaveStatus {
    REQUESTED("待审批"),
    APPROVED("已批准"),
    REFUSED("未批准"),
    NOTED("报备");

    private final String label;

    LeaveStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the leave stands: approved, or noted (报备) where nobody may approve it. */
    public boolean inEffect() {
        return this == APPROVED || this == NOTED;
    }
}
