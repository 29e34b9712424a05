package cn.studyledger.assessment.domain;

import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.report.Finding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a unit's records become its points, criterion by criterion: a figure earns the weight in proportion to its
 * target (all of it at or above the target, nothing without records); the findings take {@code target} points off
 * the weight for each, down to nothing. The score is the points and the adjustments, kept within 0 and the total.
 */
final class Scoring {

    static final String FINDINGS = "findings";

    private Scoring() {}

    /** The unit's items, one per criterion, from the figures tallied for it and its findings. */
    static List<ResultItem> items(
            long unitId,
            List<Criterion> criteria,
            Map<String, FigureDefinition> definitions,
            Map<String, Map<Long, FigureResult>> figures,
            List<Finding> findings) {
        List<ResultItem> items = new ArrayList<>();
        for (Criterion c : criteria) {
            items.add(
                    c.kind() == CriterionKind.FIGURE
                            ? figureItem(
                                    unitId,
                                    c,
                                    definitions.get(c.figureKey()),
                                    figures.get(c.figureKey()).get(unitId))
                            : findingsItem(unitId, c, findings));
        }
        return items;
    }

    private static ResultItem figureItem(long unitId, Criterion c, FigureDefinition d, FigureResult r) {
        Object value = r == null ? null : r.value();
        if (!(value instanceof Number number)) {
            return new ResultItem(
                    unitId,
                    c.figureKey(),
                    c.label(),
                    null,
                    d.unit(),
                    c.weight(),
                    BigDecimal.ZERO.setScale(1),
                    "暂无记录，得0分");
        }
        BigDecimal v = new BigDecimal(number.toString());
        BigDecimal share = c.target().signum() == 0 || v.compareTo(c.target()) >= 0
                ? BigDecimal.ONE
                : v.divide(c.target(), 6, RoundingMode.HALF_UP);
        BigDecimal points = c.weight().multiply(share.max(BigDecimal.ZERO)).setScale(1, RoundingMode.HALF_UP);
        String shown = v.stripTrailingZeros().toPlainString();
        return new ResultItem(
                unitId,
                c.figureKey(),
                c.label(),
                shown,
                d.unit(),
                c.weight(),
                points,
                shown + d.unit() + "，目标" + plain(c.target()) + d.unit() + "，得" + plain(points) + "分");
    }

    private static ResultItem findingsItem(long unitId, Criterion c, List<Finding> all) {
        List<Finding> found = all.stream()
                .filter(f -> c.figureKey() == null
                        || c.figureKey().isBlank()
                        || f.ruleKey().equals(c.figureKey()))
                .toList();
        BigDecimal points = c.weight()
                .subtract(c.target().multiply(BigDecimal.valueOf(found.size())))
                .max(BigDecimal.ZERO)
                .setScale(1, RoundingMode.HALF_UP);
        String detail = found.isEmpty()
                ? "未发现问题，得" + plain(points) + "分"
                : "发现问题" + found.size() + "项，每项扣" + plain(c.target()) + "分，得" + plain(points) + "分："
                        + found.stream().map(Finding::finding).collect(Collectors.joining("；"));
        return new ResultItem(
                unitId,
                FINDINGS,
                c.label(),
                String.valueOf(found.size()),
                "项",
                c.weight(),
                points,
                detail.length() > 2000 ? detail.substring(0, 1999) + "…" : detail);
    }

    /** The score: the items' points and the adjustments, within 0 and the total weight. */
    static BigDecimal score(List<ResultItem> items, List<BigDecimal> adjustments, BigDecimal totalWeight) {
        BigDecimal sum = items.stream().map(ResultItem::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        sum = adjustments.stream().reduce(sum, BigDecimal::add);
        return sum.max(BigDecimal.ZERO).min(totalWeight).setScale(1, RoundingMode.HALF_UP);
    }

    static BigDecimal totalWeight(List<Criterion> criteria) {
        return criteria.stream().map(Criterion::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
