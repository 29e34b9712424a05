package cn.studyledger.office;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.Requires;
import cn.studyledger.Tool;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHeightRule;

/**
 * The 签到表 as printed before a meeting is signed by hand: no status or time in it, rows of a fixed height with the
 * about a quarter of the width for the signature, and 20 people on one page; once held, it lists the check-in times.
 */
class SignInSheetTests {

    final MeetingDocuments documents = new MeetingDocuments(new DocxWriter());

    @Test
    void aPlannedSessionsSheetLeavesStatusAndTimeBlankWithAWideColumnForTheSignature() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(documents.signInSheet(meeting(20, false))))) {
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(21);
            assertThat(doc.getParagraphs().stream().map(p -> p.getText()))
                    .as("a planned session has no number yet")
                    .noneMatch(t -> t.contains("场次") || t.contains("第5次"));
            for (XWPFTableRow row : table.getRows().subList(1, 21)) {
                assertThat(row.getCell(4).getText()).as("考勤").isEmpty();
                assertThat(row.getCell(5).getText()).as("签到时间").isEmpty();
                assertThat(row.getCtRow().getTrPr().getTrHeightArray(0).getHRule())
                        .isEqualTo(STHeightRule.AT_LEAST);
            }
            List<BigInteger> widths = table.getCTTbl().getTblGrid().getGridColList().stream()
                    .map(c -> (BigInteger) c.getW())
                    .toList();
            assertThat(table.getRow(0).getCell(6).getText()).isEqualTo("签名");
            BigInteger total = widths.stream().reduce(BigInteger.ZERO, BigInteger::add);
            assertThat(widths.get(6).multiply(BigInteger.valueOf(100)))
                    .as("签名 takes about a quarter of the width")
                    .isGreaterThanOrEqualTo(
                            total.multiply(BigInteger.valueOf(23)).subtract(BigInteger.valueOf(100)));
        }
    }

    @Test
    void aHeldSessionsSheetListsTheCheckInTimes() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(documents.signInSheet(meeting(3, true))))) {
            XWPFTableRow first = doc.getTables().get(0).getRow(1);
            assertThat(first.getCell(4).getText()).isEqualTo("出席");
            assertThat(first.getCell(5).getText()).isEqualTo("08:55");
            assertThat(doc.getParagraphs().stream().map(p -> p.getText())).contains("场次：2025年第5次集中学习（第2次专题研讨）");
        }
    }

    @Test
    @Requires({Tool.SOFFICE, Tool.PDFTOTEXT})
    void twentyPeopleFitOnePage() throws Exception {
        byte[] pdf = new PdfConverter("soffice").convert(documents.signInSheet(meeting(20, false)));
        Path file = Files.createTempFile("signin-", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-")
                    .redirectErrorStream(true)
                    .start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(text.replaceAll("\\s+", "")).contains("成员20");
            assertThat(text.replaceAll("\f\\s*$", "").chars().filter(c -> c == '\f'))
                    .as("page breaks")
                    .isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static MeetingDocuments.Meeting meeting(int people, boolean held) {
        return new MeetingDocuments.Meeting(
                "X局党组",
                "深入学习贯彻党的二十届四中全会精神暨“十五五”规划建议专题研讨",
                LocalDate.of(2025, 11, 27),
                LocalTime.of(9, 0),
                "机关三楼会议室",
                "集中学习",
                "王建国",
                List.of("【第一议题】学习重要讲话精神"),
                IntStream.rangeClosed(1, people)
                        .mapToObj(i -> new MeetingDocuments.Participant(
                                "成员" + i,
                                "党组成员、副局长",
                                "成员",
                                held ? "出席" : null,
                                held ? LocalDateTime.of(2025, 11, 27, 8, 55) : null))
                        .toList(),
                held ? "2025年第5次集中学习" : null,
                held ? "第2次专题研讨" : null);
    }
}
