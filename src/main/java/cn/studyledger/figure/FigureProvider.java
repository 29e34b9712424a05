package cn.studyledger.figure;

import cn.studyledger.org.OrgRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Implemented by each module for the figures its records feed. A figure is computed from exactly the
 * records it returns as evidence, so the number and the drill-down can never disagree.
 */
public interface FigureProvider {

    /** The figures this module defines. */
    List<FigureDefinition> definitions();

    /**
     * Computes one of this provider's figures for an organisation and year. The caller has checked that the
     * current user may read the organisation.
     */
    FigureResult compute(String key, OrgRef org, int year);

    /**
     * Several of this provider's figures for one organisation and year, keyed; a provider may load the year's
     * records once for all of them. By default each is computed in turn.
     */
    default Map<String, FigureResult> computeAll(List<String> keys, OrgRef org, int year) {
        Map<String, FigureResult> results = new LinkedHashMap<>();
        for (String key : keys) {
            results.put(key, compute(key, org, year));
        }
        return results;
    }

    /**
     * One of this provider's figures over a period of the year (the whole year, or its first half). By default the
     * year's figure made again from only the records the period includes ({@link FigureResult#within}); a provider
     * overrides it for a figure whose records' dates do not say in which part of the year they count.
     */
    default FigureResult compute(String key, OrgRef org, Period period) {
        FigureResult year = compute(key, org, period.year());
        return period.wholeYear() ? year : year.within(period, kindOf(key));
    }

    /** Several of this provider's figures over a period, keyed; by default the year's at once, a part's in turn. */
    default Map<String, FigureResult> computeAll(List<String> keys, OrgRef org, Period period) {
        if (period.wholeYear()) {
            return computeAll(keys, org, period.year());
        }
        Map<String, FigureResult> results = new LinkedHashMap<>();
        for (String key : keys) {
            results.put(key, compute(key, org, period));
        }
        return results;
    }

    /**
     * The figure for many organisations at once over a period, values only (no evidence), keyed by organisation id:
     * what the roll-up of a province's 2,000 groups needs without loading millions of records. A provider may answer
     * with grouped SQL; it must then give exactly what {@link #compute(String, OrgRef, Period)} gives for each
     * organisation (value, numerator, denominator), which {@code FiguresContractTests} checks for every figure and
     * period. By default each organisation is computed in turn.
     */
    default Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, Period period) {
        Map<Long, FigureResult> results = new LinkedHashMap<>();
        for (OrgRef org : orgs) {
            FigureResult r = compute(key, org, period);
            results.put(org.id(), new FigureResult(r.value(), r.numerator(), r.denominator(), List.of()));
        }
        return results;
    }

    /** How one of this provider's figures is made from its records. */
    private FigureDefinition.Kind kindOf(String key) {
        return definitions().stream()
                .filter(d -> d.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(key))
                .kind();
    }
}
