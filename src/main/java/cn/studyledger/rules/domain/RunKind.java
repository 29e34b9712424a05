package cn.studyledger.rules.domain;

/** What started an evaluation. */
public enum RunKind {
    MANUAL("立即检查"),
    NIGHTLY("每日定时检查"),
    FIRST_READ("首次查看时自动检查"),
    ON_CHANGE("记录变更后自动检查");

    private final String label;

    RunKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
