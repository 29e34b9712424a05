package cn.studyledger.report;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A final revision of an organisation's report of a period as other modules receive it (e.g. to file it upward):
 * its name, revision, when it was finalised, its .docx from the frozen figures, and those figures.
 *
 * @param name e.g. 2025年度中心组学习情况报告
 * @param revision the revision number
 * @param finalisedAt when it was finalised
 * @param docx the document
 * @param figures the figures frozen with it
 */
public record FinalReport(String name, int revision, LocalDateTime finalisedAt, byte[] docx, List<Figure> figures) {

    /** One frozen figure: key, label, value as text and unit. */
    public record Figure(String key, String label, String value, String unit) {}
}
