package cn.studyledger.office;

import cn.studyledger.common.xlsx.XlsxRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/** Writes worksheets with a bold header row; streaming (SXSSF), so long ledgers need little memory. */
@Component
public class XlsxWriter {

    public byte[] write(List<SheetData> sheets) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            DateStyles dates = new DateStyles(workbook);
            for (SheetData data : sheets) {
                Sheet sheet = workbook.createSheet(data.name());
                Row header = sheet.createRow(0);
                for (int c = 0; c < data.header().size(); c++) {
                    header.createCell(c).setCellValue(data.header().get(c));
                    header.getCell(c).setCellStyle(bold);
                    sheet.setColumnWidth(c, 16 * 256);
                }
                int r = 1;
                for (List<Object> values : data.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object value = values.get(c);
                        if (value instanceof Number number) {
                            row.createCell(c).setCellValue(number.doubleValue());
                        } else if (!dates.write(row, c, value)) {
                            row.createCell(c).setCellValue(value == null ? "" : quoted(value.toString()));
                        }
                    }
                }
            }
            workbook.write(out);
            workbook.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one sheet to the stream while the producer pushes rows: SXSSF keeps only {@value #WINDOW} rows in
     * memory and flushes the rest to a temporary file, which is deleted afterwards. The stream is not closed.
     */
    public void write(
            String sheetName, List<String> header, Consumer<Consumer<List<Object>>> producer, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            DateStyles dates = new DateStyles(workbook);
            Sheet sheet = workbook.createSheet(sheetName);
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
                head.getCell(c).setCellStyle(bold);
                sheet.setColumnWidth(c, 16 * 256);
            }
            int[] next = {1};
            producer.accept(values -> {
                Row row = sheet.createRow(next[0]++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    if (value instanceof Number number && !(value instanceof BigDecimal big && big.scale() > 6)) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (!dates.write(row, c, value)) {
                        row.createCell(c).setCellValue(quoted(text(value)));
                    }
                }
            });
            // POI closes the stream it writes to; the caller may still need it (an entry of a ZIP)
            workbook.write(new java.io.FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // the temporary files are gone (dispose); nothing else is held
            }
        }
    }

    static final int WINDOW = 100;

    /**
     * Dates and times as the spreadsheet's own dates (sortable, filterable, usable in formulas), shown as 2025-01-16 and
     * 2025-01-16 20:00, rather than as text that merely looks like a date.
     */
    private static final class DateStyles {

        private final CellStyle day;
        private final CellStyle minute;

        DateStyles(SXSSFWorkbook workbook) {
            day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            minute = workbook.createCellStyle();
            minute.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        }

        /** Writes the value if it is a date or a date and time; false for anything else. */
        boolean write(Row row, int column, Object value) {
            if (value instanceof LocalDateTime t) {
                Cell cell = row.createCell(column);
                cell.setCellValue(t.withSecond(0).withNano(0));
                cell.setCellStyle(minute);
                return true;
            }
            if (value instanceof LocalDate d) {
                Cell cell = row.createCell(column);
                cell.setCellValue(d);
                cell.setCellStyle(day);
                return true;
            }
            return false;
        }
    }

    /**
     * Text that a spreadsheet program would evaluate (a formula or DDE call: = + - @, or a leading tab or CR) gets a
     * visible apostrophe in front, as part of the text, so it stays text even after the file is saved again as CSV
     * (OWASP "CSV injection"). Numbers are written as numbers and never quoted; the imports remove the apostrophe.
     */
    static String quoted(String text) {
        return !text.isEmpty() && XlsxRow.FORMULA_TRIGGERS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String text(Object value) {
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        return value.toString();
    }
}
