package cn.studyledger.research;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the recommendations proposed in a year fared (学用转化): the basis of the rule "adoption rate below 50 % →
 * 学用转化 mechanism weak".
 *
 * @param proposed recommendations proposed in the year
 * @param adopted of those, adopted as a policy or measure
 * @param notAdopted of those, decided not to adopt
 * @param pending of those, not yet decided
 */
public record AdoptionSummary(long proposed, long adopted, long notAdopted, long pending) {

    /** The adoption rate, in percent, below which 学用转化 is weak (DESIGN.md §4). */
    public static final BigDecimal WEAK_BELOW = BigDecimal.valueOf(50);

    /** adopted / proposed as a percentage with one decimal; null when nothing was proposed. */
    public BigDecimal rate() {
        if (proposed == 0) {
            return null;
        }
        BigDecimal percent = BigDecimal.valueOf(adopted * 100L)
                .divide(BigDecimal.valueOf(proposed), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return percent.scale() < 0 ? percent.setScale(0) : percent;
    }

    /** Whether recommendations were proposed and fewer than half of them were adopted. */
    public boolean weak() {
        BigDecimal rate = rate();
        return rate != null && rate.compareTo(WEAK_BELOW) < 0;
    }
}
