package cn.studyledger.session;

import cn.studyledger.figure.PersonFigures;

/** 发言类型. */
public enum SpeechKind {
    KEY("重点发言"),
    EXCHANGE("交流发言"),
    /** A member's 点评 of the speeches: a speech, distinct from the presider's 学习讲评 (the session's evaluation). */
    COMMENT("点评");

    private final String label;

    SpeechKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The key of the per-person figure counting this kind ({@code keySpeeches}, {@code exchangeSpeeches} …): each kind is a figure of its own. */
    public String figureKey() {
        return PersonFigures.keyOf(this, "Speeches");
    }
}
