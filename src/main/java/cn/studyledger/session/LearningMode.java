package cn.studyledger.session;

/** 学习模式（六学联动）. */
public enum LearningMode {
    LEAD("领导带头学"),
    DISCUSS("研讨交流学"),
    FIELD("实地调研学"),
    LECTURE("专题辅导学"),
    ONLINE("线上线下同步学"),
    JOINT("联动共建学");

    private final String label;

    LearningMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
