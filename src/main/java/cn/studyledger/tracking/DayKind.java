package cn.studyledger.tracking;

/** A configured day of the working-day calendar. */
public enum DayKind {
    /** a day off on a weekday (法定节假日 or its bridge days) */
    HOLIDAY("放假"),
    /** a weekend day that is worked (调休上班) */
    WORKDAY("调休上班");

    private final String label;

    DayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
