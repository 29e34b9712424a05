package cn.studyledger.assessment.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the assessment pages and API show. */
public final class AssessmentViews {

    private AssessmentViews() {}

    /**
     * The organisation's assessment of its direct subordinate units for a year: live from the records while a draft,
     * from the snapshot once published.
     *
     * @param version the stored row's version for the next change, {@code null} while nothing is stored yet
     * @param units a row per direct subordinate unit, in the organisation's order unless sorted by score
     * @param sortedByScore whether the issuer asked for its view sorted by score (never the default)
     * @param documentUrl the 通报's download once issued
     */
    public record Board(
            String orgCode,
            String orgName,
            int year,
            String status,
            String statusLabel,
            Long version,
            Settings settings,
            List<CriterionView> criteria,
            BigDecimal totalWeight,
            LocalDate publishedOn,
            String publishedBy,
            LocalDate objectionUntil,
            LocalDate approvedOn,
            String approvedBy,
            String returnedComment,
            LocalDate issuedOn,
            String documentNumber,
            String documentUrl,
            long openObjections,
            List<UnitScore> units,
            boolean sortedByScore) {}

    /** The numbers of the assessment that are not criteria, with their source. */
    public record Settings(int objectionDays, BigDecimal maxAdjustment, String source) {}

    public record CriterionView(
            String kind, String figureKey, String label, BigDecimal weight, BigDecimal target, String source) {}

    /**
     * One unit's line: its score (the items' points and the adjustments, within 0 and the total weight) and why.
     *
     * @param unitCode the unit
     * @param score the score
     * @param items one per criterion
     */
    public record UnitScore(
            String unitCode,
            String unitName,
            BigDecimal score,
            List<Item> items,
            List<AdjustmentView> adjustments,
            List<ObjectionView> objections,
            List<CommendationView> commendations) {}

    /**
     * One criterion's part of a unit's score.
     *
     * @param key the figure's key, or {@code findings}
     * @param value the figure's value or the number of findings, {@code null} without records
     * @param points the points earned of the weight
     * @param detail how the points were reached
     * @param evidence the records behind the value: the figure's evidence, or each finding with its first record
     */
    public record Item(
            String key,
            String label,
            String value,
            String unit,
            BigDecimal weight,
            BigDecimal points,
            String detail,
            List<EvidenceLink> evidence) {}

    public record EvidenceLink(String label, String url) {}

    public record AdjustmentView(
            long id, long version, BigDecimal points, String reason, LocalDate madeOn, String madeBy) {}

    public record ObjectionView(
            long id,
            long version,
            String unitCode,
            String content,
            LocalDate filedOn,
            String filedBy,
            String reply,
            LocalDate repliedOn,
            String repliedBy) {}

    public record CommendationView(long id, String unitCode, String unitName, String title, String reason) {}

    /**
     * A unit's own scorecard in the assessment of the organisation above it, once published.
     *
     * @param canObject whether the unit may still object (published, within the period)
     */
    public record Scorecard(
            String unitCode,
            String issuerCode,
            String issuerName,
            int year,
            String status,
            String statusLabel,
            LocalDate objectionUntil,
            boolean canObject,
            BigDecimal totalWeight,
            UnitScore card) {}
}
