package cn.studyledger.org;

/** Kind of Party organisation. */
public enum OrgType {
    PARTY_GROUP("党组"),
    PARTY_COMMITTEE("党委"),
    GENERAL_BRANCH("党总支"),
    BRANCH("党支部");

    private final String label;

    OrgType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
