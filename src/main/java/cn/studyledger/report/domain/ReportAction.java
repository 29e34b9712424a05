package cn.studyledger.report.domain;

/** What a line of a report revision's history records. */
public enum ReportAction {
    CREATE("创建草稿"),
    SUBMIT("提交定稿"),
    FINALISE("组长定稿"),
    RETURN("退回修改"),
    REOPEN("重新打开");

    private final String label;

    ReportAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
