package cn.studyledger.dashboard.domain;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureApi;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.Finding;
import cn.studyledger.report.FindingSource;
import cn.studyledger.session.SessionFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard (统计图表) of the working organisation and year: the annual report's figures as tiles and the
 * charts of the year, every value linked to the records behind it. Wherever a figure already has the records, the
 * chart is built from that figure's evidence, so a chart and its figure agree by construction (sessions per month
 * add up to {@code sessions.collective}, hours per member to {@code selfstudy.hours}). Readable by whoever may see
 * the organisation and holds {@code dashboard:chart:view}; 404 for an organisation out of sight.
 *
 * <p>This service makes the tiles and authorises each call; the charts are {@link YearCharts} (one organisation's
 * year) and {@link RollupCharts} (the superior's view across its units).
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    static final String READ = "hasAuthority('" + Permissions.DASHBOARD_VIEW + "')";

    /** The report's headline figures, shown first and in this order; the other numeric figures follow. */
    static final List<String> HEADLINE = List.of(
            "sessions.collective",
            "sessions.discussion",
            "firsttopic.sessions",
            "firsttopic.items",
            "attendance.rate",
            "attendance.presentRate",
            "selfstudy.hours",
            "writings.count",
            "lectures.count",
            "materials.issues",
            "research.recommendations",
            "research.adopted",
            "supervision.visits",
            "supervision.coverage",
            "firsttopic.closureRate",
            "firsttopic.medianLagDays");

    static final String NO_RULES = "规则检查尚未启用";

    private final OrgApi orgs;
    private final FigureApi figures;
    private final ObjectProvider<FindingSource> findingSources;
    private final YearCharts charts;
    private final RollupCharts rollupCharts;

    DashboardService(
            OrgApi orgs,
            FigureApi figures,
            ObjectProvider<FindingSource> findingSources,
            YearCharts charts,
            RollupCharts rollupCharts) {
        this.orgs = orgs;
        this.figures = figures;
        this.findingSources = findingSources;
        this.charts = charts;
        this.rollupCharts = rollupCharts;
    }

    @PreAuthorize(READ)
    public Dashboard dashboard(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        Map<String, FigureApi.Figure> all = new LinkedHashMap<>();
        for (FigureDefinition d : ordered()) {
            all.put(d.key(), figures.figure(org.code(), year, d.key()));
        }
        List<Dashboard.Tile> tiles = new ArrayList<>();
        for (FigureApi.Figure f : all.values()) {
            boolean numeric = f.definition().kind() != Kind.TEXT
                    || f.result().value() instanceof Number
                    || HEADLINE.contains(f.definition().key());
            if (numeric) {
                tiles.add(tile(f));
            }
        }
        Optional<List<Finding>> found = findingsOf(org.code(), year);
        return new Dashboard(org.code(), org.name(), year, tiles, charts.of(org, year, all, found));
    }

    /**
     * The held sessions of the year behind {@code sessions.collective}, optionally only those of one month and one
     * format: the records behind one segment of the sessions-per-month chart.
     */
    @PreAuthorize(READ)
    public List<Evidence> heldSessions(String orgCode, int year, Integer month, SessionFormat format) {
        OrgRef org = orgs.requireReadable(orgCode);
        return figureResult(org.code(), year, "sessions.collective")
                .map(FigureResult::evidence)
                .orElse(List.of())
                .stream()
                .filter(e -> month == null || (e.date() != null && e.date().getMonthValue() == month))
                .filter(e -> format == null || format.label().equals(e.detail()))
                .toList();
    }

    /** The findings of the rule checks of the organisation and year; empty while no rules module is present. */
    @PreAuthorize(READ)
    public Optional<List<Finding>> findingsOf(String orgCode, int year) {
        List<FindingSource> sources = findingSources.orderedStream().toList();
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        List<Finding> found = new ArrayList<>();
        sources.forEach(s -> found.addAll(s.findings(orgCode, year)));
        return Optional.of(found);
    }

    /**
     * The superior's charts across the organisation and its subordinate units, from the roll-up: each bar is the
     * unit's own figure and opens that unit's evidence. Outside a transaction, as the roll-up itself: no connection
     * is held while the roll-up's statements run on the tally executor.
     */
    @PreAuthorize(RollupService.READ)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Dashboard rollupCharts(String orgCode, int year) {
        return rollupCharts.of(orgCode, year);
    }

    // ---- tiles ----

    private List<FigureDefinition> ordered() {
        return figures.definitions().stream()
                .sorted(Comparator.comparingInt((FigureDefinition d) ->
                        HEADLINE.contains(d.key()) ? HEADLINE.indexOf(d.key()) : HEADLINE.size()))
                .toList();
    }

    private static Dashboard.Tile tile(FigureApi.Figure f) {
        FigureDefinition d = f.definition();
        FigureResult r = f.result();
        boolean rate = d.kind() == Kind.RATE;
        return new Dashboard.Tile(
                d.key(),
                d.label(),
                display(r.value(), rate),
                rate ? "" : d.unit(),
                r.numerator(),
                r.denominator(),
                figurePage(d.key()));
    }

    /**
     * The value as the dashboard shows it; rates with their per cent sign. A figure without data (a rate of 0/0) is
     * "—": 【待补充】 is the report's mark for a number its author still has to supply, not a dashboard's.
     */
    static String display(Object value, boolean rate) {
        if (value == null) {
            return NO_DATA;
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        return rate ? text + "%" : text;
    }

    static final String NO_DATA = "—";

    static String figurePage(String key) {
        return "/figures/" + key;
    }

    private Optional<FigureResult> figureResult(String orgCode, int year, String key) {
        return figures.definition(key)
                .map(d -> figures.figure(orgCode, year, key).result());
    }
}
