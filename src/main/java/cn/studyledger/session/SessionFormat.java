package cn.studyledger.session;

/** 学习形式 of a session. */
public enum SessionFormat {
    COLLECTIVE("集体学习"),
    DISCUSSION("专题研讨"),
    LECTURE("专题辅导报告"),
    ON_SITE("现场教学"),
    WARNING("警示教育"),
    READING_CLASS("读书班"),
    JOINT("联学共建"),
    EXCHANGE("经验交流会"),
    ONLINE("线上学习");

    private final String label;

    SessionFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
