package cn.studyledger.firsttopic;

/** Life of a follow-up task (贯彻落实任务): open until it is done (with evidence) or cancelled. */
public enum TaskStatus {
    OPEN("推进中"),
    DONE("已办结"),
    CANCELLED("已撤销");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
