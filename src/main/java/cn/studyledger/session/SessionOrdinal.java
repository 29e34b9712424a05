package cn.studyledger.session;

/**
 * A held session's numbers in its organisation's year as pages and documents say them: 2025年第5次集中学习 (of all the
 * year's sessions), 2025年第2次专题研讨 (of its format). The one place the wording lives.
 *
 * @param year the year the session was held in
 * @param ordinal its number among all the organisation's sessions held in the year
 * @param format its format
 * @param formatOrdinal its number among the year's held sessions of that format
 */
public record SessionOrdinal(int year, int ordinal, SessionFormat format, int formatOrdinal) {

    /** A held session's numbers; null for one not held (it has none yet). */
    public static SessionOrdinal of(Integer year, Integer ordinal, SessionFormat format, Integer formatOrdinal) {
        return year == null || ordinal == null || formatOrdinal == null
                ? null
                : new SessionOrdinal(year, ordinal, format, formatOrdinal);
    }

    /** 第5次. */
    public static String nth(int n) {
        return "第" + n + "次";
    }

    /** 第5次 (of all the year's sessions). */
    public String overall() {
        return nth(ordinal);
    }

    /** 第2次专题研讨. */
    public String inFormat() {
        return nth(formatOrdinal) + format.label();
    }

    /** 2025年第5次集中学习. */
    public String label() {
        return year + "年" + overall() + "集中学习";
    }

    /** 2025年第2次专题研讨. */
    public String ofFormat() {
        return year + "年" + inFormat();
    }

    /** 2025年第5次集中学习（第2次专题研讨）: the heading of the session's page and papers. */
    public String full() {
        return label() + "（" + inFormat() + "）";
    }
}
