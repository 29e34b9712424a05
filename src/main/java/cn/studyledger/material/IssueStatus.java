package cn.studyledger.material;

/** Life of a material issue: a draft the clerk prepares, then published (counted and shown to members). */
public enum IssueStatus {
    DRAFT("草稿"),
    PUBLISHED("已发布");

    private final String label;

    IssueStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
