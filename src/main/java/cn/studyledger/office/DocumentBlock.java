package cn.studyledger.office;

/** One block of the annual report, in the order it is printed. */
public sealed interface DocumentBlock {

    /** 标题: 方正小标宋简体, 二号, centred. */
    record Title(String text) implements DocumentBlock {}

    /** 一、 heading: 黑体. */
    record Heading1(String text) implements DocumentBlock {}

    /** （一） heading: 楷体_GB2312; it opens a paragraph whose rest follows in the body font. */
    record Heading2(String heading, String rest) implements DocumentBlock {}

    /** Body paragraph: 仿宋_GB2312, 三号, first-line indent of two characters. */
    record Body(String text) implements DocumentBlock {}

    /** Signature and date at the end, right-aligned. */
    record Signature(String organisation, String date) implements DocumentBlock {}

    /**
     * A table with a header row, in the body font at 四号 (14 pt).
     *
     * @param widths each column's share of the text width in per cent, or empty for equal columns
     * @param rowHeightMm the least height of every row (a sign-in sheet's rows are tall enough to sign in and no
     *     taller, so that 20 people fit one page; a longer text still shows whole), or 0 for rows as tall as their
     *     text
     */
    record Table(
            java.util.List<String> header,
            java.util.List<java.util.List<String>> rows,
            java.util.List<Integer> widths,
            double rowHeightMm)
            implements DocumentBlock {

        public Table(java.util.List<String> header, java.util.List<java.util.List<String>> rows) {
            this(header, rows, java.util.List.of(), 0);
        }
    }
}
