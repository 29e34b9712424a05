package cn.studyledger.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowHeightRule;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STDocGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.springframework.stereotype.Component;

/**
 * Renders report blocks as .docx in the GB/T 9704-2012 layout: A4, margins 37/35/28/26 mm, 22 lines of 28
 * characters (fixed line pitch 28.95 pt), 仿宋_GB2312 三号 body, 方正小标宋简体 二号 title, 黑体 / 楷体_GB2312
 * headings, page numbers "— n —" in 宋体 四号, odd pages right and even pages left.
 */
@Component
public class DocxWriter {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING1_FONT = "黑体";
    static final String HEADING2_FONT = "楷体_GB2312";
    static final String PAGE_NUMBER_FONT = "宋体";
    static final int TITLE_SIZE = 22;
    static final int BODY_SIZE = 16;
    static final int PAGE_NUMBER_SIZE = 14;
    static final int TABLE_SIZE = 14;
    static final double LINE_PITCH_PT = 28.95;

    /** A4 width less the left and right margins: GB/T 9704's 版心 width of 156 mm. */
    static final double TEXT_WIDTH_MM = 210 - 28 - 26;

    /** 1 pt in millimetres. */
    static final double MM_PER_PT = 25.4 / 72;

    /** Characters of the 二号 title on one line of the 版心: 156 mm / 22 pt (7.76 mm) = 20. */
    static final int TITLE_CHARS_PER_LINE = (int) Math.floor(TEXT_WIDTH_MM / (TITLE_SIZE * MM_PER_PT));

    /** GB/T 9704-2012 7.2.1: the top edge of the 发文机关标志 is 35 mm below the top edge of the 版心. */
    static final double ISSUER_MARK_FROM_TYPE_AREA_TOP_MM = 35;

    /** The 发文机关标志's largest size (初号); a longer name is set smaller so that it stays within the 版心's width. */
    static final int ISSUER_MARK_MAX_SIZE = 42;

    /**
     * Room kept beside a long 发文机关标志, in characters: renderers set the letters and digits of a CJK font wider than
     * half a character, and a mark that just fits would wrap its last character.
     */
    static final double ISSUER_MARK_SPARE_CHARS = 1;

    /** 7.2.4: the red separator line is 4 mm below the 发文字号, as wide as the 版心. */
    static final double SEPARATOR_BELOW_NUMBER_MM = 4;

    /** The separator's width, in eighths of a point (1 pt, the usual 0.35 mm line). */
    static final int SEPARATOR_WIDTH_EIGHTHS = 8;

    /** 7.2.3 / 7.2.4 / 7.3.1: 发文字号 and title each two empty lines below what precedes them (下空二行). */
    static final int LINES_BELOW = 2;

    /** 7.2.1: red. */
    static final String RED = "FF0000";

    /** 1 mm in twentieths of a point. */
    private static final double TWIPS_PER_MM = 56.6929;

    public byte[] write(List<DocumentBlock> blocks) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageSetup(doc);
            for (DocumentBlock block : blocks) {
                render(doc, block);
            }
            pageNumbers(doc);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void render(XWPFDocument doc, DocumentBlock block) {
        if (block instanceof DocumentBlock.Letterhead l) {
            letterhead(doc, l);
        } else if (block instanceof DocumentBlock.Title t) {
            title(paragraph(doc, ParagraphAlignment.CENTER, false), t.text());
            paragraph(doc, ParagraphAlignment.LEFT, false);
        } else if (block instanceof DocumentBlock.Heading1 h) {
            run(paragraph(doc, ParagraphAlignment.LEFT, true), h.text(), HEADING1_FONT, BODY_SIZE);
        } else if (block instanceof DocumentBlock.Heading2 h) {
            XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH, true);
            run(p, h.heading(), HEADING2_FONT, BODY_SIZE);
            run(p, h.rest(), BODY_FONT, BODY_SIZE);
        } else if (block instanceof DocumentBlock.Body b) {
            run(paragraph(doc, ParagraphAlignment.BOTH, true), b.text(), BODY_FONT, BODY_SIZE);
        } else if (block instanceof DocumentBlock.Table t) {
            table(doc, t);
        } else if (block instanceof DocumentBlock.Signature s) {
            paragraph(doc, ParagraphAlignment.LEFT, false);
            for (String line : List.of(s.organisation(), s.date())) {
                XWPFParagraph p = paragraph(doc, ParagraphAlignment.RIGHT, false);
                p.setIndentationRight(charsToTwips(4));
                run(p, line, BODY_FONT, BODY_SIZE);
            }
        }
    }

    /**
     * GB/T 9704-2012 7.2: the 发文机关标志 centred, its top 35 mm below the 版心's (space before the first paragraph,
     * at an exact line height of its size); two lines below it the 发文字号 — centred, or for a 上行文 one character in
     * from the left with "签发人：" (仿宋) and the name (楷体) one character in from the right on the same line; the red
     * separator 4 mm below (the paragraph's bottom border, which spans the 版心: the indent is the first line's only);
     * the title follows two lines below the separator.
     */
    private static void letterhead(XWPFDocument doc, DocumentBlock.Letterhead l) {
        XWPFParagraph mark = paragraph(doc, ParagraphAlignment.CENTER, false);
        int size = (int) Math.min(
                ISSUER_MARK_MAX_SIZE,
                Math.floor(TEXT_WIDTH_MM / MM_PER_PT / (TitleLines.width(l.issuerMark()) + ISSUER_MARK_SPARE_CHARS)));
        mark.setSpacingBetween(size, LineSpacingRule.EXACT);
        mark.setSpacingBefore(mm(ISSUER_MARK_FROM_TYPE_AREA_TOP_MM).intValue());
        mark.getCTP().getPPr().addNewSnapToGrid().setVal(Boolean.FALSE);
        XWPFRun markRun = run(mark, l.issuerMark(), TITLE_FONT, size);
        markRun.setColor(RED);
        markRun.getCTR().getRPr().addNewSnapToGrid().setVal(Boolean.FALSE);
        for (int i = 0; i < LINES_BELOW; i++) {
            paragraph(doc, ParagraphAlignment.LEFT, false);
        }
        XWPFParagraph number;
        if (l.signer() == null) {
            number = paragraph(doc, ParagraphAlignment.CENTER, false);
            run(number, l.documentNumber(), BODY_FONT, BODY_SIZE);
        } else {
            number = paragraph(doc, ParagraphAlignment.LEFT, false);
            number.setIndentationFirstLine(charsToTwips(1));
            var tab = number.getCTP().getPPr().addNewTabs().addNewTab();
            tab.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc.RIGHT);
            tab.setPos(BigInteger.valueOf(Math.round(TEXT_WIDTH_MM * TWIPS_PER_MM) - charsToTwips(1)));
            run(number, l.documentNumber(), BODY_FONT, BODY_SIZE).addTab();
            run(number, "签发人：", BODY_FONT, BODY_SIZE);
            run(number, l.signer(), HEADING2_FONT, BODY_SIZE);
        }
        var border = number.getCTP().getPPr().addNewPBdr().addNewBottom();
        border.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder.SINGLE);
        border.setSz(BigInteger.valueOf(SEPARATOR_WIDTH_EIGHTHS));
        border.setSpace(BigInteger.valueOf(Math.round(SEPARATOR_BELOW_NUMBER_MM / MM_PER_PT)));
        border.setColor(RED);
        for (int i = 0; i < LINES_BELOW; i++) {
            paragraph(doc, ParagraphAlignment.LEFT, false);
        }
    }

    /**
     * The title in lines broken where {@link TitleLines} says (line breaks inside one paragraph, so it stays one
     * centred title), each line off the character grid: on it a 22 pt character would take the grid's cells of the
     * body font, and fewer than the 20 characters the line holds would fit.
     */
    private static void title(XWPFParagraph p, String text) {
        p.getCTP().getPPr().addNewSnapToGrid().setVal(Boolean.FALSE);
        List<String> lines = TitleLines.split(text, TITLE_CHARS_PER_LINE);
        for (int i = 0; i < lines.size(); i++) {
            XWPFRun line = run(p, lines.get(i), TITLE_FONT, TITLE_SIZE);
            line.getCTR().getRPr().addNewSnapToGrid().setVal(Boolean.FALSE);
            if (i < lines.size() - 1) {
                line.addBreak();
            }
        }
    }

    private static void table(XWPFDocument doc, DocumentBlock.Table t) {
        XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
        table.setWidth("100%");
        if (!t.widths().isEmpty()) {
            var grid = table.getCTTbl().getTblGrid() != null
                    ? table.getCTTbl().getTblGrid()
                    : table.getCTTbl().addNewTblGrid();
            for (int c = 0; c < t.header().size(); c++) {
                BigInteger width = BigInteger.valueOf(
                        Math.round(TEXT_WIDTH_MM * TWIPS_PER_MM * t.widths().get(c) / 100));
                (c < grid.sizeOfGridColArray() ? grid.getGridColArray(c) : grid.addNewGridCol()).setW(width);
                for (int r = 0; r <= t.rows().size(); r++) {
                    table.getRow(r).getCell(c).setWidth(width.toString());
                }
            }
        }
        for (int r = 0; r <= t.rows().size(); r++) {
            List<String> cells = r == 0 ? t.header() : t.rows().get(r - 1);
            if (t.rowHeightMm() > 0) {
                table.getRow(r).setHeight(mm(t.rowHeightMm()).intValue());
                table.getRow(r).setHeightRule(TableRowHeightRule.AT_LEAST);
            }
            for (int c = 0; c < t.header().size(); c++) {
                XWPFTableCell cell = table.getRow(r).getCell(c);
                cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
                XWPFParagraph p = cell.getParagraphs().get(0);
                p.setAlignment(ParagraphAlignment.CENTER);
                // a table's text keeps off the body's grid of 28 characters × 28.95 pt lines: on it every cell line
                // takes a body line and every character a body character's width, which doubles a sign-in sheet
                p.setSpacingBetween(TABLE_SIZE + 4, LineSpacingRule.EXACT);
                p.getCTP().getPPr().addNewSnapToGrid().setVal(Boolean.FALSE);
                XWPFRun text = run(
                        p,
                        c < cells.size() && cells.get(c) != null ? cells.get(c) : "",
                        r == 0 ? HEADING1_FONT : BODY_FONT,
                        TABLE_SIZE);
                text.getCTR().getRPr().addNewSnapToGrid().setVal(Boolean.FALSE);
            }
        }
    }

    private static void pageSetup(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(mm(37));
        margins.setBottom(mm(35));
        margins.setLeft(mm(28));
        margins.setRight(mm(26));
        margins.setHeader(mm(15));
        margins.setFooter(mm(28));
        CTDocGrid grid = sect.isSetDocGrid() ? sect.getDocGrid() : sect.addNewDocGrid();
        grid.setType(STDocGrid.LINES_AND_CHARS);
        grid.setLinePitch(BigInteger.valueOf(Math.round(LINE_PITCH_PT * 20)));
        doc.setEvenAndOddHeadings(true);
    }

    private static void pageNumbers(XWPFDocument doc) {
        footer(doc.createFooter(HeaderFooterType.DEFAULT), ParagraphAlignment.RIGHT);
        footer(doc.createFooter(HeaderFooterType.EVEN), ParagraphAlignment.LEFT);
    }

    private static void footer(XWPFFooter footer, ParagraphAlignment alignment) {
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(alignment);
        if (alignment == ParagraphAlignment.RIGHT) {
            p.setIndentationRight(charsToTwips(1));
        } else {
            p.setIndentationLeft(charsToTwips(1));
        }
        run(p, "— ", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE);
        run(p, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        run(p, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
                .getCTR()
                .addNewInstrText()
                .setStringValue(" PAGE ");
        run(p, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(p, "1", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE);
        run(p, "", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        run(p, " —", PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE);
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment alignment, boolean indentFirstLine) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingBetween(LINE_PITCH_PT, LineSpacingRule.EXACT);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        if (indentFirstLine) {
            p.setIndentationFirstLine(charsToTwips(2));
        }
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size) {
        XWPFRun run = p.createRun();
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        run.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        run.setFontSize(size);
        if (!text.isEmpty()) {
            run.setText(text);
        }
        return run;
    }

    /** Width of n characters of the 16 pt body font, in twips. */
    private static int charsToTwips(int chars) {
        return chars * BODY_SIZE * 20;
    }

    private static BigInteger mm(double millimetres) {
        return BigInteger.valueOf(Math.round(millimetres * TWIPS_PER_MM));
    }
}
