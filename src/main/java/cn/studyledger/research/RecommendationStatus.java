package cn.studyledger.research;

/** Life of a recommendation (对策建议): proposed, then adopted (直接转化) or not adopted. */
public enum RecommendationStatus {
    PROPOSED("已提出"),
    ADOPTED("已采纳转化"),
    NOT_ADOPTED("未采纳");

    private final String label;

    RecommendationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
