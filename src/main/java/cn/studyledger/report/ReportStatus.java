package cn.studyledger.report;

/**
 * Where an annual report revision stands: the clerk drafts it (DRAFT), submits it to the 组长 (SUBMITTED), who
 * finalises it (FINAL, read-only, figures frozen) or sends it back; reopening a FINAL revision starts the next
 * revision as a draft.
 */
public enum ReportStatus {
    DRAFT("草稿"),
    SUBMITTED("待组长定稿"),
    FINAL("已定稿");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
