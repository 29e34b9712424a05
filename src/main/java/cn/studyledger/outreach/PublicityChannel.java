package cn.studyledger.outreach;

/** Where a publicity item appeared (宣传渠道). */
public enum PublicityChannel {
    INTERNAL_JOURNAL("内部刊物"),
    BULLETIN_BOARD("宣传栏"),
    NEW_MEDIA("政务新媒体"),
    SUPERIOR_JOURNAL("上级刊物");

    private final String label;

    PublicityChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
