package cn.studyledger.office;

import cn.studyledger.common.time.OfficeTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The printable meeting notice (会议通知) and sign-in sheet (签到表) of a session, written in the same official
 * layout as the annual report. The session module supplies the data; only this module writes Word files.
 */
@Service
public class MeetingDocuments {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * Tall enough to sign in by hand, short enough that a header and 20 people fit one page under the title and the
     * two lines of theme, time and place.
     */
    static final double SIGN_ROW_MM = 7.5;

    /**
     * Column shares in per cent: 职务 takes a position of eight characters (党组成员、副局长) on one line, 签名
     * about a quarter of the width; the rest fit their contents at 四号 (姓名 up to three characters and digits).
     */
    static final List<Integer> SIGN_COLUMNS = List.of(7, 13, 28, 9, 9, 11, 23);

    private final DocxWriter writer;

    MeetingDocuments(DocxWriter writer) {
        this.writer = writer;
    }

    /**
     * What a notice and a sign-in sheet say about a session.
     *
     * @param ordinal a held session's number in the year, e.g. 2025年第5次集中学习; null for one not held (a planned
     *     session has no number yet)
     * @param formatOrdinal a held session's number within its format, e.g. 第2次专题研讨; null when not held
     */
    public record Meeting(
            String issuer,
            String title,
            LocalDate date,
            LocalTime startTime,
            String place,
            String format,
            String presider,
            List<String> agenda,
            List<Participant> participants,
            String ordinal,
            String formatOrdinal) {

        private boolean numbered() {
            return ordinal != null && formatOrdinal != null;
        }
    }

    /** One expected participant. */
    public record Participant(String name, String position, String role, String status, LocalDateTime checkInAt) {}

    /**
     * A session's 学习简报.
     *
     * @param issuer the short name heading the brief (X局党组)
     * @param issuerFull the full name it is issued under (中共X局党组)
     * @param issueNo its 第N期 number of the year; null for a draft, which is marked 【草稿】
     * @param date the issue date (a draft: the day it is printed)
     */
    public record Brief(
            String issuer,
            String issuerFull,
            int year,
            Integer issueNo,
            String title,
            List<String> paragraphs,
            LocalDate date) {}

    public byte[] brief(Brief b) {
        List<DocumentBlock> blocks = new ArrayList<>();
        blocks.add(new DocumentBlock.Title("学习简报" + (b.issueNo() == null ? "【草稿】" : "")));
        blocks.add(new DocumentBlock.Body(
                b.issueNo() == null ? b.year() + "年（未编期）" : b.year() + "年第" + b.issueNo() + "期"));
        blocks.add(new DocumentBlock.Body(b.issuerFull() + "　　" + chinese(b.date())));
        blocks.add(new DocumentBlock.Heading1(b.title()));
        b.paragraphs().forEach(p -> blocks.add(new DocumentBlock.Body(p)));
        blocks.add(new DocumentBlock.Signature(b.issuer() + "理论学习中心组", chinese(b.date())));
        return writer.write(blocks);
    }

    public byte[] notice(Meeting m, LocalDate issuedOn) {
        List<DocumentBlock> blocks = new ArrayList<>();
        String meeting = m.numbered() ? m.ordinal() : "集体学习";
        blocks.add(new DocumentBlock.Title("关于召开理论学习中心组" + meeting + "会议的通知"));
        blocks.add(new DocumentBlock.Body("中心组各位成员："));
        blocks.add(new DocumentBlock.Body("经研究，定于" + chinese(m.date())
                + (m.startTime() == null ? "" : m.startTime().format(TIME))
                + "在" + orDash(m.place()) + "召开理论学习中心组" + meeting + "会议（"
                + (m.numbered() ? m.formatOrdinal() : m.format()) + "），主题为“" + m.title()
                + "”。" + (m.presider() == null ? "" : "会议由" + m.presider() + "同志主持。") + "现将有关事项通知如下。"));
        blocks.add(new DocumentBlock.Heading1("一、学习议题"));
        int n = 1;
        for (String item : m.agenda()) {
            blocks.add(new DocumentBlock.Body(n++ + ". " + item));
        }
        if (m.agenda().isEmpty()) {
            blocks.add(new DocumentBlock.Body("议题另行通知。"));
        }
        blocks.add(new DocumentBlock.Heading1("二、参加人员"));
        blocks.add(new DocumentBlock.Body(String.join(
                        "、",
                        m.participants().stream()
                                .map(p -> p.name() + ("列席".equals(p.role()) ? "（列席）" : ""))
                                .toList())
                + "。"));
        blocks.add(new DocumentBlock.Heading1("三、有关要求"));
        blocks.add(new DocumentBlock.Body("请各位成员提前做好学习准备，重点发言同志准备书面发言提纲。因故不能参加的，请按规定向组长请假，会后及时补学。"));
        blocks.add(new DocumentBlock.Signature(m.issuer(), chinese(issuedOn)));
        return writer.write(blocks);
    }

    public byte[] signInSheet(Meeting m) {
        List<DocumentBlock> blocks = new ArrayList<>();
        blocks.add(new DocumentBlock.Title(m.issuer() + "理论学习中心组学习签到表"));
        if (m.numbered()) {
            blocks.add(new DocumentBlock.Body("场次：" + m.ordinal() + "（" + m.formatOrdinal() + "）"));
        }
        blocks.add(new DocumentBlock.Body("学习主题：" + m.title()));
        blocks.add(new DocumentBlock.Body("时间：" + chinese(m.date())
                + (m.startTime() == null ? "" : " " + m.startTime().format(TIME)) + "　地点：" + orDash(m.place())));
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (Participant p : m.participants()) {
            rows.add(List.of(
                    String.valueOf(n++),
                    p.name(),
                    orDash(p.position()),
                    p.role(),
                    p.status() == null ? "" : p.status(),
                    p.checkInAt() == null ? "" : p.checkInAt().format(TIME),
                    ""));
        }
        blocks.add(new DocumentBlock.Table(
                List.of("序号", "姓名", "职务", "身份", "考勤", "签到时间", "签名"), rows, SIGN_COLUMNS, SIGN_ROW_MM));
        return writer.write(blocks);
    }

    private static String chinese(LocalDate date) {
        return OfficeTime.chineseDate(date);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
