package cn.studyledger.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof that ledgers are written by streaming: a million rows go through the writer in a separate JVM whose heap
 * (96 MB) could never hold them, and the file reopens with every row. Not a timing test.
 */
class StreamingLedgerWriterTests {

    static final int ROWS = 1_000_000;

    @Test
    void aMillionRowLedgerIsWrittenWithinASmallHeapAndReopensWithEveryRow(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("million.xlsx");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx96m",
                        "-Djava.io.tmpdir=" + dir,
                        "-cp",
                        System.getProperty("java.class.path"),
                        MillionRowLedgerMain.class.getName(),
                        xlsx.toString(),
                        String.valueOf(ROWS))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.log").toFile())
                .start();
        assertThat(process.waitFor(15, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(dir.resolve("out.log")))
                .isZero();
        try (InputStream in = Files.newInputStream(xlsx);
                ReadableWorkbook workbook = new ReadableWorkbook(in);
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            assertThat(rows.count()).isEqualTo(ROWS + 1L);
        }
        try (InputStream in = Files.newInputStream(xlsx);
                ReadableWorkbook workbook = new ReadableWorkbook(in);
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            List<Row> first = rows.limit(2).toList();
            assertThat(first.get(0).getCellText(0)).isEqualTo("序号");
            assertThat(first.get(1).getCellText(2)).isEqualTo("成员1");
        }
        // SXSSF's temporary sheet files are gone (dispose)
        try (Stream<Path> left = Files.walk(dir)) {
            assertThat(left.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.startsWith("poi-sxssf"));
        }
        assertThat(new File(xlsx.toString()).length()).isPositive();
    }
}
