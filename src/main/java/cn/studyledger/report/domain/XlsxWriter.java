package cn.studyledger.report.domain;

import cn.studyledger.report.SheetData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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
                        } else {
                            row.createCell(c).setCellValue(value == null ? "" : value.toString());
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
}
