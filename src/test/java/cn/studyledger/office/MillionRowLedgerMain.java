package cn.studyledger.office;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Run in a JVM with a small heap by {@link StreamingLedgerWriterTests}: streams {@code args[1]} synthetic ledger rows
 * through the streaming writer into the file {@code args[0]}. Exits non-zero (OutOfMemoryError) if rows piled up.
 */
public final class MillionRowLedgerMain {

    private MillionRowLedgerMain() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        LocalDate start = LocalDate.of(2025, 1, 1);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            new XlsxWriter()
                    .write(
                            "集中学习台账",
                            List.of("序号", "日期", "姓名", "时长（小时）", "内容"),
                            sink -> {
                                for (int i = 1; i <= rows; i++) {
                                    sink.accept(Arrays.asList(
                                            i,
                                            start.plusDays(i % 365),
                                            "成员" + (i % 97),
                                            BigDecimal.valueOf(i % 8, 1),
                                            "学习内容第" + i + "条"));
                                }
                            },
                            out);
        }
    }
}
