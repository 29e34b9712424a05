package cn.studyledger.selfstudy;

import cn.studyledger.figure.PersonFigures;

/** Kinds of 学习成果 a member writes (DESIGN.md §2). */
public enum WritingKind {
    EXPERIENCE("心得体会"),
    RESEARCH_REPORT("调研报告"),
    THEORY_ARTICLE("理论文章"),
    SPEECH("发言材料");

    private final String label;

    WritingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the figure {@code writings.count} counts this kind (心得体会、调研报告、理论文章). */
    public boolean countsAsAchievement() {
        return this != SPEECH;
    }

    /** The key of the per-person figure counting this kind ({@code experienceWritings}, {@code researchReportWritings} …): each kind is a figure of its own. */
    public String figureKey() {
        return PersonFigures.keyOf(this, "Writings");
    }
}
