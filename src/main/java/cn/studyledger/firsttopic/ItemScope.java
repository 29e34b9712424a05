package cn.studyledger.firsttopic;

/** How widely a first-topic item may be passed on (传达范围). */
public enum ItemScope {
    RESTRICTED("规定范围传达"),
    PUBLIC("全文公开"),
    NEWS_EXCERPT("新闻摘发");

    private final String label;

    ItemScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
