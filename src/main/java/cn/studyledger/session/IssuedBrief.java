package cn.studyledger.session;

import java.time.LocalDate;
import java.util.List;

/**
 * An issued 学习简报 as other modules see it, with its Word file as issued (what outreach files as a publicity item and
 * the archive puts in the year's dossier).
 *
 * @param issueNo the 第N期 number of the brief's year
 * @param sessionTitle the session's 学习主题
 * @param paragraphs the body, one paragraph an element
 * @param fileName the Word file's name, e.g. 2025-学习简报-第3期.docx
 * @param docx the brief as a Word file
 */
public record IssuedBrief(
        long sessionId,
        long orgId,
        int year,
        int issueNo,
        String title,
        String sessionTitle,
        List<String> paragraphs,
        LocalDate issuedOn,
        String fileName,
        byte[] docx) {

    /** 第N期. */
    public String issueLabel() {
        return "第" + issueNo + "期";
    }
}
