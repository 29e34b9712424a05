package cn.studyledger.dashboard.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.PersonFigures;
import cn.studyledger.selfstudy.BookSummary;
import cn.studyledger.selfstudy.SelfStudySummary;
import cn.studyledger.selfstudy.WritingSummary;
import cn.studyledger.session.PersonSessionRecord;
import java.util.List;

/**
 * A member's 学习档案 for one year: its numbers are the member's per-person figures (the row of {@code GET
 * /api/v1/orgs/{orgCode}/years/{year}/people/figures}, one definition for both), its lists the records of the session
 * and self-study modules.
 *
 * @param orgCode organisation
 * @param orgName organisation name
 * @param year the year
 * @param figures the member's per-person figures: name, 职务, every count with its evidence
 * @param speeches the member's speeches of the held sessions, each linking to its outline (发言提纲) where there is one
 * @param sessions the sessions the member was expected at
 * @param selfStudy self-study entries
 * @param writings writings
 * @param books books read (原著研读) of the year, finished or still being read
 * @param notes study notes (学习笔记) of the member's self-study entries: the records behind {@code studyNotes}
 */
public record PersonalRecord(
        String orgCode,
        String orgName,
        int year,
        PersonFigures figures,
        List<Evidence> speeches,
        List<PersonSessionRecord> sessions,
        List<SelfStudySummary> selfStudy,
        List<WritingSummary> writings,
        List<BookSummary> books,
        List<Evidence> notes) {

    public long personId() {
        return figures.personId();
    }

    public String name() {
        return figures.name();
    }

    public String position() {
        return figures.position();
    }

    /** A per-person figure's value as shown: 12, 3.5. */
    public String shown(String key) {
        Number n = figures.number(key);
        return n instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : n.toString();
    }

    /** 出席/应参加. */
    public String attendedOverExpected() {
        return shown("attended") + "/" + shown("expected");
    }

    /** Every figure as one sentence for the Word archive: 主持集中学习2次，…，个人自学36学时. */
    public String summary() {
        return String.join(
                "，",
                figures.values().stream()
                        .map(v -> v.label() + shown(v.key()) + v.unit())
                        .toList());
    }
}
