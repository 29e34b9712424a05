package cn.studyledger.report.domain;

import cn.studyledger.figure.FigureApi;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.PersonFigures;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The values behind a report's tokens: live from the figure service while the report is a draft, or the frozen
 * snapshot of a final revision. The built-in tokens ({@code year}, {@code org.issuer}, {@code org.issuerFull}, and
 * {@code leader.<key>} for each per-person figure of the year's 组长, e.g. {@code leader.presided}) are values like any
 * other, so a snapshot freezes them too.
 */
@Component
class ReportFigures {

    private final FigureApi figures;
    private final OrgApi orgs;

    ReportFigures(FigureApi figures, OrgApi orgs) {
        this.figures = figures;
        this.orgs = orgs;
    }

    /**
     * The default blocks of the organisation's report of the period: with the paragraph on its units (see {@link
     * DefaultTemplate#systemParagraph}) when it has direct subordinate units.
     */
    List<DefaultTemplate.Draft> template(OrgRef org, Period period) {
        return DefaultTemplate.blocks(
                definitions(), period, !orgs.children(org.id()).isEmpty());
    }

    /** Every key a token may name: the figures' keys and the built-ins. */
    Set<String> knownKeys() {
        Set<String> keys = new java.util.LinkedHashSet<>();
        figures.definitions().forEach(d -> keys.add(d.key()));
        keys.addAll(DefaultTemplate.BUILT_INS);
        figures.personDefinitions().forEach(d -> keys.add(LEADER + d.key()));
        return keys;
    }

    List<FigureDefinition> definitions() {
        return figures.definitions();
    }

    /** The current values; the caller has checked that the user may read the organisation. */
    /** The values of the period's figures as the records are now (the half-year report's, its first half's). */
    Map<String, FigureValue> live(OrgRef org, Period period) {
        Map<String, FigureValue> values = new LinkedHashMap<>(builtIns(org, period.year()));
        values.putAll(leader(org, period));
        figures.all(org.code(), period).forEach((key, computed) -> {
            FigureDefinition d = computed.definition();
            FigureResult r = computed.result();
            values.put(
                    key,
                    new FigureValue(
                            key,
                            d.label(),
                            d.kind(),
                            Tokens.text(r.value()),
                            r.numerator(),
                            r.denominator(),
                            d.unit(),
                            evidencePage(key, period)));
        });
        return values;
    }

    Map<String, FigureValue> frozen(AnnualReport report) {
        Map<String, FigureValue> values = new LinkedHashMap<>();
        for (SnapshotFigure f : report.snapshot()) {
            values.put(f.key(), f.value(isBuiltIn(f.key()) ? null : evidencePage(f.key(), report.period())));
        }
        return values;
    }

    /** The values a revision shows: its snapshot once it is final, the live figures before. */
    Map<String, FigureValue> of(AnnualReport report, OrgRef org) {
        return report.status() == cn.studyledger.report.ReportStatus.FINAL
                ? frozen(report)
                : live(org, report.period());
    }

    /**
     * The figures of a final revision whose frozen value differs from the live one (records added or changed for
     * the year since it was finalised), in the snapshot's order; none for a draft.
     */
    List<ReportViews.Drift> drift(AnnualReport report, OrgRef org) {
        if (report.status() != cn.studyledger.report.ReportStatus.FINAL) {
            return List.of();
        }
        Map<String, FigureValue> live = live(org, report.period());
        return frozen(report).values().stream()
                .filter(f -> live.containsKey(f.key()) && !sameValue(f, live.get(f.key())))
                .map(f -> new ReportViews.Drift(
                        f.label(),
                        shown(f),
                        shown(live.get(f.key())),
                        live.get(f.key()).evidenceUrl()))
                .toList();
    }

    private static boolean sameValue(FigureValue a, FigureValue b) {
        return java.util.Objects.equals(a.value(), b.value())
                && java.util.Objects.equals(a.numerator(), b.numerator())
                && java.util.Objects.equals(a.denominator(), b.denominator());
    }

    /** 723.5学时, 96.5%（55/57）, or — without data. */
    private static String shown(FigureValue v) {
        if (!v.hasValue()) {
            return "—";
        }
        String unit = v.unit() == null ? "" : v.unit();
        String fraction = v.numerator() != null && v.denominator() != null
                ? "（" + v.numerator() + "/" + v.denominator() + "）"
                : "";
        return v.value() + unit + fraction;
    }

    static List<SnapshotFigure> snapshot(Map<String, FigureValue> values, LocalDateTime now) {
        return values.values().stream().map(v -> new SnapshotFigure(v, now)).toList();
    }

    static Map<String, FigureValue> builtIns(OrgRef org, int year) {
        Map<String, FigureValue> values = new LinkedHashMap<>();
        builtIn(values, DefaultTemplate.YEAR, "年度", String.valueOf(year));
        builtIn(values, DefaultTemplate.ISSUER, "发文单位（简称）", org.issuer());
        builtIn(values, DefaultTemplate.ISSUER_FULL, "发文单位（全称）", org.issuerFull());
        return values;
    }

    /** The prefix of the tokens of the 组长's per-person figures. */
    static final String LEADER = "leader.";

    /**
     * {@code leader.<key>}: the year's 组长's per-person figures (the row of the people figures), each with the
     * records behind it; without a 组长 that year every one has no value (【待补充】).
     */
    private Map<String, FigureValue> leader(OrgRef org, Period period) {
        Optional<PersonFigures> leader = figures.leader(org.code(), period);
        Map<String, FigureValue> values = new LinkedHashMap<>();
        for (FigureDefinition d : figures.personDefinitions()) {
            Optional<PersonFigures.Value> v = leader.flatMap(l -> l.value(d.key()));
            values.put(
                    LEADER + d.key(),
                    new FigureValue(
                            LEADER + d.key(),
                            "组长" + d.label(),
                            d.kind(),
                            v.map(x -> Tokens.text(x.value())).orElse(null),
                            null,
                            null,
                            d.unit(),
                            v.map(PersonFigures.Value::evidence).orElse(null)));
        }
        return values;
    }

    private static void builtIn(Map<String, FigureValue> values, String key, String label, String value) {
        values.put(key, new FigureValue(key, label, FigureDefinition.Kind.TEXT, value, null, null, "", null));
    }

    static boolean isBuiltIn(String key) {
        return DefaultTemplate.BUILT_INS.contains(key) || key.startsWith(LEADER);
    }

    /** The figures page of the record behind a figure (the working organisation and year). */
    /** The figures page of the record behind a figure of the period (the working organisation and year). */
    static String evidencePage(String key, Period period) {
        return "/figures/" + key + (period.wholeYear() ? "" : "?period=" + period.apiName());
    }
}
