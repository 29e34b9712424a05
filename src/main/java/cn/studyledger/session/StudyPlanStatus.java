package cn.studyledger.session;

/** 学习方案的审批状态. */
public enum StudyPlanStatus {
    NONE("未提交"),
    SUBMITTED("待审批"),
    APPROVED("已批准"),
    RETURNED("已退回");

    private final String label;

    StudyPlanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
