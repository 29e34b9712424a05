package cn.studyledger.common.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.security.HostileSpreadsheets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The one .xlsx reader of the imports: values as Excel shows them, and every limit checked while reading. */
class XlsxReaderTests {

    static final List<String> HEADER = List.of("姓名", "日期", "人次");

    static XlsxReader reader(int rows, int cells, String expanded, Duration time) {
        return new XlsxReader(rows, cells, DataSize.parse(expanded), 32767, time, DataSize.ofMegabytes(20));
    }

    static final XlsxReader DEFAULTS = reader(5000, 100_000, "50MB", Duration.ofSeconds(10));

    @Test
    void readsTextNumbersDatesAndSharedStringsAsExcelShowsThem() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("表");
            for (int c = 0; c < HEADER.size(); c++) {
                ws.value(0, c, HEADER.get(c));
            }
            ws.value(1, 0, "  张三 ");
            ws.value(1, 1, LocalDate.of(2025, 3, 18));
            ws.value(1, 2, 12);
            ws.value(3, 0, "'=1+1"); // row 4: an exported formula-like text, quoted by the export
            ws.value(3, 1, "2025/1/5");
            ws.value(3, 2, "'plain");
        }
        List<XlsxRow> rows = DEFAULTS.firstSheet(new ByteArrayInputStream(out.toByteArray()), HEADER);

        assertThat(rows).extracting(XlsxRow::number).containsExactly(1, 2, 4);
        assertThat(rows.get(0).texts(3)).isEqualTo(HEADER);
        XlsxRow first = rows.get(1);
        assertThat(first.text(0)).isEqualTo("张三");
        assertThat(first.date(1, "2025-01-01")).isEqualTo(LocalDate.of(2025, 3, 18));
        assertThat(first.integer(2)).isEqualTo(12);
        XlsxRow quoted = rows.get(2);
        assertThat(quoted.text(0)).isEqualTo("=1+1");
        assertThat(quoted.date(1, "2025-01-01")).isEqualTo(LocalDate.of(2025, 1, 5));
        assertThat(quoted.text(2))
                .as("only the quote of a formula character is removed")
                .isEqualTo("'plain");
        assertThatThrownBy(() -> quoted.integer(2)).hasMessage("人次应为整数，不能是“'plain”");
    }

    @Test
    void twentyMillionRowsStopAtTheRowLimitInSeconds() {
        byte[] bomb = HostileSpreadsheets.manyRows(HEADER, 20_000_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> DEFAULTS.firstSheet(new ByteArrayInputStream(bomb), HEADER))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("表格超过 5000 行上限（不含表头），请分批导入");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theRowLimitIsASetting() {
        byte[] rows = HostileSpreadsheets.manyRows(HEADER, 11);
        assertThat(reader(11, 100, "1MB", Duration.ofSeconds(10)).firstSheet(new ByteArrayInputStream(rows), HEADER))
                .hasSize(12);
        assertThatThrownBy(() -> reader(10, 100, "1MB", Duration.ofSeconds(10))
                        .firstSheet(new ByteArrayInputStream(rows), HEADER))
                .hasMessage("表格超过 10 行上限（不含表头），请分批导入");
    }

    @Test
    void cellsBeyondTheLimitAreRefused() {
        byte[] rows = HostileSpreadsheets.manyRows(HEADER, 100);
        assertThatThrownBy(() -> reader(5000, 50, "1MB", Duration.ofSeconds(10))
                        .firstSheet(new ByteArrayInputStream(rows), HEADER))
                .hasMessage("表格超过 50 个单元格上限，请删去多余的行列或分批导入");
    }

    @Test
    void whitespaceExpandingBeyondTheLimitIsRefusedWhileDecompressing() {
        byte[] padded =
                HostileSpreadsheets.padded(HEADER, DataSize.ofMegabytes(200).toBytes());
        assertThat(padded.length).isLessThan(1024 * 1024);
        long start = System.nanoTime();
        assertThatThrownBy(() -> DEFAULTS.firstSheet(new ByteArrayInputStream(padded), HEADER))
                .hasMessage("表格解压后超过 50 MB 上限，文件可能已损坏或含有大量空白内容");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void readingLongerThanTheTimeLimitIsStopped() {
        byte[] rows =
                HostileSpreadsheets.padded(HEADER, DataSize.ofMegabytes(40).toBytes());
        assertThatThrownBy(() -> reader(5000, 100_000, "50MB", Duration.ofMillis(1))
                        .firstSheet(new ByteArrayInputStream(rows), HEADER))
                .hasMessage("读取表格超过 1 毫秒上限，请分批导入");
    }

    @Test
    void whatIsNotAnXlsxIsRefusedAsUnreadable() {
        assertThatThrownBy(() -> DEFAULTS.firstSheet(new ByteArrayInputStream("名字,日期".getBytes()), HEADER))
                .hasMessage("无法读取文件，请上传 .xlsx 格式的 Excel 文件");
    }
}
