package cn.studyledger.common.xlsx;

import cn.studyledger.common.BusinessRuleException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The one reader of uploaded .xlsx sheets (people, online learning). It streams the first sheet's XML (StAX, no
 * DTD, no entities) and checks its limits while it reads, so that a small file that expands to millions of rows
 * or gigabytes of XML is refused within seconds instead of filling the heap: at most {@code ledger.imports.max-rows}
 * data rows, {@code max-cells} cells (and as many shared strings), {@code max-expanded-size} bytes decompressed
 * over all parts read, {@code max-cell-length} characters in a cell and {@code max-time} of reading. A refusal is
 * a {@link BusinessRuleException} with the limit in Chinese; nothing has been written by then.
 */
@Component
public class XlsxReader {

    static final String UNREADABLE = "无法读取文件，请上传 .xlsx 格式的 Excel 文件";

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final int maxRows;
    private final int maxCells;
    private final long maxExpandedBytes;
    private final int maxCellLength;
    private final Duration maxTime;
    private final long maxFileBytes;
    private final XMLInputFactory xml;

    public XlsxReader(
            @Value("${ledger.imports.max-rows:5000}") int maxRows,
            @Value("${ledger.imports.max-cells:100000}") int maxCells,
            @Value("${ledger.imports.max-expanded-size:50MB}") DataSize maxExpanded,
            @Value("${ledger.imports.max-cell-length:32767}") int maxCellLength,
            @Value("${ledger.imports.max-time:10s}") Duration maxTime,
            @Value("${ledger.files.max-size:20MB}") DataSize maxFile) {
        this.maxRows = maxRows;
        this.maxCells = maxCells;
        this.maxExpandedBytes = maxExpanded.toBytes();
        this.maxCellLength = maxCellLength;
        this.maxTime = maxTime;
        this.maxFileBytes = maxFile.toBytes();
        this.xml = XMLInputFactory.newDefaultFactory();
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        xml.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    /**
     * The rows of the workbook's first sheet, the header (row 1) first, each row with the cells it has; rows with no
     * cell at all are left out. Refuses a file that is not an .xlsx or breaks a limit.
     *
     * @param header the expected column names, used to name a column in a row's messages
     */
    public List<XlsxRow> firstSheet(InputStream xlsx, List<String> header) {
        Path file = null;
        try {
            file = Files.createTempFile("ledger-import-", ".xlsx");
            copyAtMost(xlsx, file);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return new Reading(zip, header).rows();
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // a limit may be reached inside the XML parser, which can wrap what the counting stream threw
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BusinessRuleException refused) {
                    throw refused;
                }
            }
            throw new BusinessRuleException(UNREADABLE);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file of the system's temp folder; the system clears it
                }
            }
        }
    }

    public int maxRows() {
        return maxRows;
    }

    private void copyAtMost(InputStream in, Path target) throws IOException {
        try (var out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxFileBytes) {
                    throw new BusinessRuleException(
                            "文件超过大小上限 " + DataSize.ofBytes(maxFileBytes).toMegabytes() + " MB");
                }
                out.write(buffer, 0, read);
            }
        }
    }

    /** One read of one file: the counters shared by all parts read. */
    private final class Reading {

        private final ZipFile zip;
        private final List<String> header;
        private final long deadline = System.nanoTime() + maxTime.toNanos();
        private long expanded;
        private int cells;
        private boolean date1904;

        Reading(ZipFile zip, List<String> header) {
            this.zip = zip;
            this.header = header;
        }

        List<XlsxRow> rows() throws IOException, XMLStreamException {
            Map<String, String> targets = relationships("xl/_rels/workbook.xml.rels");
            String sheetId = firstSheetId();
            String sheetPath = part(targets.getOrDefault(sheetId, "worksheets/sheet1.xml"));
            String stringsPath = targets.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("type:") && e.getKey().endsWith("/sharedStrings"))
                    .map(e -> part(e.getValue()))
                    .findFirst()
                    .orElse("xl/sharedStrings.xml");
            List<String> strings = sharedStrings(stringsPath);
            return sheet(sheetPath, strings);
        }

        /** Id → target of each relationship, and "type:" + type → target. */
        private Map<String, String> relationships(String path) throws IOException, XMLStreamException {
            Map<String, String> targets = new HashMap<>();
            XMLStreamReader r = open(path);
            if (r == null) {
                return targets;
            }
            try {
                while (next(r)) {
                    if (r.isStartElement() && r.getLocalName().equals("Relationship")) {
                        String target = r.getAttributeValue(null, "Target");
                        if (target != null) {
                            targets.put(r.getAttributeValue(null, "Id"), target);
                            targets.putIfAbsent("type:" + r.getAttributeValue(null, "Type"), target);
                        }
                    }
                }
            } finally {
                r.close();
            }
            return targets;
        }

        private String firstSheetId() throws IOException, XMLStreamException {
            XMLStreamReader r = open("xl/workbook.xml");
            if (r == null) {
                throw new BusinessRuleException(UNREADABLE);
            }
            try {
                while (next(r)) {
                    if (!r.isStartElement()) {
                        continue;
                    }
                    if (r.getLocalName().equals("workbookPr")) {
                        String value = r.getAttributeValue(null, "date1904");
                        date1904 = "1".equals(value) || "true".equals(value);
                    } else if (r.getLocalName().equals("sheet")) {
                        return r.getAttributeValue(RELATIONSHIPS, "id");
                    }
                }
                return null;
            } finally {
                r.close();
            }
        }

        private List<String> sharedStrings(String path) throws IOException, XMLStreamException {
            List<String> strings = new ArrayList<>();
            XMLStreamReader r = open(path);
            if (r == null) {
                return strings;
            }
            try {
                StringBuilder text = null;
                int phonetic = 0;
                boolean inText = false;
                while (next(r)) {
                    if (r.isStartElement()) {
                        switch (r.getLocalName()) {
                            case "si" -> {
                                if (strings.size() >= maxCells) {
                                    throw tooManyCells();
                                }
                                text = new StringBuilder();
                            }
                            case "rPh" -> phonetic++;
                            case "t" -> inText = phonetic == 0;
                            default -> {}
                        }
                    } else if (r.isEndElement()) {
                        switch (r.getLocalName()) {
                            case "si" -> strings.add(text == null ? "" : text.toString());
                            case "rPh" -> phonetic--;
                            case "t" -> inText = false;
                            default -> {}
                        }
                    } else if (inText && text != null && r.isCharacters()) {
                        append(text, r);
                    }
                }
            } finally {
                r.close();
            }
            return strings;
        }

        private List<XlsxRow> sheet(String path, List<String> strings) throws IOException, XMLStreamException {
            XMLStreamReader r = open(path);
            if (r == null) {
                throw new BusinessRuleException(UNREADABLE);
            }
            List<XlsxRow> rows = new ArrayList<>();
            try {
                Map<Integer, XlsxRow.Cell> row = null;
                int rowNumber = 0;
                int column = -1;
                String type = null;
                StringBuilder value = null;
                boolean inValue = false;
                int rowCount = 0;
                while (next(r)) {
                    if (r.isStartElement()) {
                        switch (r.getLocalName()) {
                            case "row" -> {
                                // the header plus maxRows data rows; any row element counts, even an empty one
                                if (++rowCount > maxRows + 1) {
                                    throw new BusinessRuleException("表格超过 " + maxRows + " 行上限（不含表头），请分批导入");
                                }
                                String ref = r.getAttributeValue(null, "r");
                                rowNumber = ref == null ? rowNumber + 1 : Integer.parseInt(ref);
                                row = new HashMap<>();
                                column = -1;
                            }
                            case "c" -> {
                                if (++cells > maxCells) {
                                    throw tooManyCells();
                                }
                                String ref = r.getAttributeValue(null, "r");
                                column = ref == null ? column + 1 : column(ref);
                                type = r.getAttributeValue(null, "t");
                                value = new StringBuilder();
                            }
                            case "v" -> inValue = true;
                            case "t" -> inValue = "inlineStr".equals(type);
                            default -> {}
                        }
                    } else if (r.isEndElement()) {
                        switch (r.getLocalName()) {
                            case "v", "t" -> inValue = false;
                            case "c" -> {
                                if (row != null && value != null && !value.isEmpty()) {
                                    row.put(column, cell(type, value.toString(), strings));
                                }
                                value = null;
                            }
                            case "row" -> {
                                if (row != null && !row.isEmpty()) {
                                    rows.add(new XlsxRow(rowNumber, Map.copyOf(row), header, date1904));
                                }
                                row = null;
                            }
                            default -> {}
                        }
                    } else if (inValue && value != null && r.isCharacters()) {
                        append(value, r);
                    }
                }
            } finally {
                r.close();
            }
            return rows;
        }

        private XlsxRow.Cell cell(String type, String value, List<String> strings) {
            if (type == null || type.equals("n")) {
                return new XlsxRow.Cell(XlsxRow.Type.NUMBER, value.trim());
            }
            return switch (type) {
                case "s" -> {
                    int index = Integer.parseInt(value.trim());
                    if (index < 0 || index >= strings.size()) {
                        throw new BusinessRuleException(UNREADABLE);
                    }
                    yield new XlsxRow.Cell(XlsxRow.Type.TEXT, strings.get(index));
                }
                case "b" -> new XlsxRow.Cell(XlsxRow.Type.BOOLEAN, value.trim());
                case "e" -> new XlsxRow.Cell(XlsxRow.Type.ERROR, value.trim());
                default -> new XlsxRow.Cell(XlsxRow.Type.TEXT, value); // inlineStr, str (a formula's text), d
            };
        }

        private void append(StringBuilder text, XMLStreamReader r) {
            if (text.length() + r.getTextLength() > maxCellLength) {
                throw new BusinessRuleException("表格中有单元格超过 " + maxCellLength + " 个字符上限，文件可能已损坏");
            }
            text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
        }

        private BusinessRuleException tooManyCells() {
            return new BusinessRuleException("表格超过 " + maxCells + " 个单元格上限，请删去多余的行列或分批导入");
        }

        /** Advances the reader; stops the read once the time is up. */
        private boolean next(XMLStreamReader r) throws XMLStreamException {
            if (!r.hasNext()) {
                return false;
            }
            r.next();
            if (System.nanoTime() > deadline) {
                String limit = maxTime.toMillis() % 1000 == 0 ? maxTime.toSeconds() + " 秒" : maxTime.toMillis() + " 毫秒";
                throw new BusinessRuleException("读取表格超过 " + limit + "上限，请分批导入");
            }
            return true;
        }

        private XMLStreamReader open(String path) throws IOException, XMLStreamException {
            ZipEntry entry = zip.getEntry(path);
            if (entry == null) {
                return null;
            }
            return xml.createXMLStreamReader(new Counted(zip.getInputStream(entry)));
        }

        /** Counts the decompressed bytes of every part read against the one limit, whatever the entry claims. */
        private final class Counted extends FilterInputStream {

            Counted(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(long n) {
                expanded += n;
                if (expanded > maxExpandedBytes) {
                    throw new BusinessRuleException(
                            "表格解压后超过 " + DataSize.ofBytes(maxExpandedBytes).toMegabytes() + " MB 上限，文件可能已损坏或含有大量空白内容");
                }
            }
        }
    }

    /** "A1" → 0, "AB7" → 27. */
    static int column(String ref) {
        int column = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (column > 16_384) { // XFD, Excel's last column
                throw new BusinessRuleException(UNREADABLE);
            }
            i++;
        }
        if (i == 0) {
            throw new BusinessRuleException(UNREADABLE);
        }
        return column - 1;
    }

    /** A relationship target ("worksheets/sheet1.xml" relative to xl/, or "/xl/…" absolute) as a part name. */
    private static String part(String target) {
        return target.startsWith("/") ? target.substring(1) : "xl/" + target;
    }
}
