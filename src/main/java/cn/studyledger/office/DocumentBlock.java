package cn.studyledger.office;

/** One block of the annual report, in the order it is printed. */
public sealed interface DocumentBlock {

    /**
     * 版头 of a 红头文件 (GB/T 9704-2012 7.2), before the title: the 发文机关标志 in red 方正小标宋简体, the 发文字号, the
     * 签发人 of a 上行文 on the same line, and the red separator line.
     *
     * @param issuerMark 发文机关标志, e.g. X局党组文件
     * @param documentNumber 发文字号, e.g. X党组〔2025〕12号
     * @param signer 签发人's name for a 上行文 (the 发文字号 then sits left, 签发人 right), or null (the number centred)
     */
    record Letterhead(String issuerMark, String documentNumber, String signer) implements DocumentBlock {}

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
