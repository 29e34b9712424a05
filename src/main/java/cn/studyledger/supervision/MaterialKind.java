package cn.studyledger.supervision;

/** What a file the unit submits before the session is. */
public enum MaterialKind {
    MATERIAL("学习材料"),
    OUTLINE("发言提纲");

    private final String label;

    MaterialKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
