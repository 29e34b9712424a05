package cn.studyledger.office;

/** The kinds of paper in a year's 学习档案专卷, in the order its 目录 lists them. */
public enum DossierSection {
    PLAN("年度学习计划"),
    REPORT("年度学习情况报告"),
    MINUTES("会议记录"),
    ATTENDANCE("签到表"),
    BRIEF("学习简报"),
    SPEECH_OUTLINE("发言提纲"),
    WRITING("心得体会、调研报告");

    private final String label;

    DossierSection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
