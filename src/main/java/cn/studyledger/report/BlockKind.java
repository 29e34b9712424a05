package cn.studyledger.report;

/** The kinds of narrative block of the annual report, each with its place in the GB/T 9704 layout. */
public enum BlockKind {
    TITLE("标题"),
    HEADING1("一级标题"),
    HEADING2("二级标题"),
    BODY("正文"),
    SIGNATURE("落款");

    private final String label;

    BlockKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
