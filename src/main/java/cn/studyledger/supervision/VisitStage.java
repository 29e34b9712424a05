package cn.studyledger.supervision;

/**
 * Where a supervision visit stands. PLANNED → MATERIALS_SUBMITTED (the unit submits) → APPROVED | RETURNED
 * (observers review; RETURNED → MATERIALS_SUBMITTED again) → OBSERVED (stage 2, on site) → SUMMARISED (stage 3,
 * the 小结) → CLOSED (every rectification item closed or cancelled).
 */
public enum VisitStage {
    PLANNED("待报方案"),
    MATERIALS_SUBMITTED("方案待审"),
    RETURNED("方案退回"),
    APPROVED("方案通过"),
    OBSERVED("已旁听"),
    SUMMARISED("已小结"),
    CLOSED("已办结");

    private final String label;

    VisitStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Stage 3 done: the visit counts as completed (旁听指导 X 场次). */
    public boolean isCompleted() {
        return this == SUMMARISED || this == CLOSED;
    }

    /** The unit may (re)submit its materials. */
    public boolean awaitsMaterials() {
        return this == PLANNED || this == RETURNED;
    }

    /** Which of the three stages (1 会前审方案, 2 会中看实效, 3 会后提建议) is under way; 4 when all are done. */
    public int step() {
        return switch (this) {
            case PLANNED, MATERIALS_SUBMITTED, RETURNED -> 1;
            case APPROVED -> 2;
            case OBSERVED -> 3;
            case SUMMARISED, CLOSED -> 4;
        };
    }
}
