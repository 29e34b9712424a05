package cn.studyledger.session;

/** 发言类型. */
public enum SpeechKind {
    KEY("重点发言"),
    EXCHANGE("交流发言");

    private final String label;

    SpeechKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
