package cn.studyledger.session;

/** 议题 kind of an agenda item. */
public enum AgendaKind {
    FIRST_TOPIC("第一议题"),
    THEORY("理论学习"),
    DOCUMENT("文件精神"),
    DISCUSSION("研讨"),
    RESEARCH_TOPIC("课题研讨");

    private final String label;

    AgendaKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
