package cn.studyledger.outreach;

/** What the organisation did at an external experience-exchange meeting. */
public enum ExchangeRole {
    HOSTED("主办"),
    ATTENDED("参加");

    private final String label;

    ExchangeRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
