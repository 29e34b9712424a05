package cn.studyledger.report.domain;

/** The user's choice on a proposed sentence for sections 三 and 四. */
public enum ProposalStatus {
    PROPOSED("待处理"),
    KEPT("已采用"),
    DROPPED("不采用");

    private final String label;

    ProposalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
