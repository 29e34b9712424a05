package cn.studyledger.common.audit;

/** What an audit line records. */
public enum AuditAction {
    LOGIN("登录成功"),
    LOGIN_FAILED("登录失败"),
    CREATE("新增"),
    UPDATE("修改"),
    DELETE("删除"),
    EXPORT("导出"),
    VIEW("查阅");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
