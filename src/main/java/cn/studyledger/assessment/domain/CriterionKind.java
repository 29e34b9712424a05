package cn.studyledger.assessment.domain;

/** What an assessment criterion reads. */
public enum CriterionKind {
    /** a figure of the unit against its target */
    FIGURE,
    /** the unit's latest rule findings, a deduction for each */
    FINDINGS;

    /** The kind a form names, or {@code null} for none or an unknown one (refused by the command's validation). */
    public static CriterionKind parse(String name) {
        for (CriterionKind k : values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }
}
