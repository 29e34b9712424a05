package cn.studyledger.liaison;

/** What a unit files upward (报送) once a year, or half-year. */
public enum SubmissionKind {
    ANNUAL_PLAN("年度学习计划"),
    HALF_YEAR_REPORT("上半年学习情况报告"),
    ANNUAL_REPORT("年度学习情况报告"),
    MEMBER_LIST("中心组成员名册");

    private final String label;

    SubmissionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
