package cn.studyledger.research.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arithmetic of the excellent-report selection, apart from storage so it can be tested alone. A judge's score
 * of a report is the weighted mean of the criteria scores (Σ score × weight / Σ weight); a report's score is the
 * mean of its judges' scores, to two decimals; reports are ranked by it, equal scores sharing a rank (1, 2, 2, 4).
 * A judge who wrote a report does not score it, so each report is ranked on the judges eligible for it.
 */
final class Ranking {

    private Ranking() {}

    /** A criterion and its weight. */
    record Criterion(long id, String name, int weight) {}

    /** A report taking part, with its authors. */
    record Candidate(long reportId, String title, Set<Long> authorIds) {}

    /** One judge's scores of one report, by criterion id. */
    record Sheet(long reportId, long judgeId, Map<Long, Integer> scores) {}

    /**
     * A report's place.
     *
     * @param score mean of its judges' weighted scores; null while no eligible judge has scored it
     * @param sheets judges who scored it
     * @param eligible judges who may score it (the judges who are not its authors)
     * @param rank 1 for the best; null while it has no score
     */
    record Row(long reportId, String title, BigDecimal score, int sheets, int eligible, Integer rank) {

        boolean complete() {
            return eligible > 0 && sheets == eligible;
        }
    }

    /** A score still to be given: an eligible judge who has not scored the report. */
    record Missing(long reportId, String title, long judgeId) {}

    /** A judge's weighted score of a report, to four decimals. */
    static BigDecimal weighted(List<Criterion> criteria, Map<Long, Integer> scores) {
        long total = 0;
        long weights = 0;
        for (Criterion c : criteria) {
            Integer score = scores.get(c.id());
            if (score == null) {
                throw new IllegalArgumentException("no score for criterion " + c.id());
            }
            total += (long) score * c.weight();
            weights += c.weight();
        }
        if (weights == 0) {
            throw new IllegalArgumentException("no criteria");
        }
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(weights), 4, RoundingMode.HALF_UP);
    }

    /** Reports by score, best first; unscored reports last, in the order given. */
    static List<Row> rank(List<Criterion> criteria, List<Candidate> candidates, Set<Long> judges, List<Sheet> sheets) {
        List<Row> scored = new ArrayList<>();
        List<Row> unscored = new ArrayList<>();
        for (Candidate c : candidates) {
            int eligible = (int)
                    judges.stream().filter(j -> !c.authorIds().contains(j)).count();
            List<BigDecimal> values = sheets.stream()
                    .filter(s -> s.reportId() == c.reportId())
                    .filter(s -> judges.contains(s.judgeId()) && !c.authorIds().contains(s.judgeId()))
                    .map(s -> weighted(criteria, s.scores()))
                    .toList();
            if (values.isEmpty()) {
                unscored.add(new Row(c.reportId(), c.title(), null, 0, eligible, null));
            } else {
                BigDecimal mean = values.stream()
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
                scored.add(new Row(c.reportId(), c.title(), mean, values.size(), eligible, null));
            }
        }
        scored.sort(Comparator.comparing(Row::score).reversed());
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Row row = scored.get(i);
            int rank = i > 0 && row.score().compareTo(scored.get(i - 1).score()) == 0
                    ? ranked.get(i - 1).rank()
                    : i + 1;
            ranked.add(new Row(row.reportId(), row.title(), row.score(), row.sheets(), row.eligible(), rank));
        }
        ranked.addAll(unscored);
        return ranked;
    }

    /** The scores still to be given, report by report. */
    static List<Missing> missing(List<Candidate> candidates, Set<Long> judges, List<Sheet> sheets) {
        List<Missing> missing = new ArrayList<>();
        for (Candidate c : candidates) {
            for (Long judge : judges) {
                if (c.authorIds().contains(judge)) {
                    continue;
                }
                boolean done = sheets.stream().anyMatch(s -> s.reportId() == c.reportId() && s.judgeId() == judge);
                if (!done) {
                    missing.add(new Missing(c.reportId(), c.title(), judge));
                }
            }
        }
        return missing;
    }
}
