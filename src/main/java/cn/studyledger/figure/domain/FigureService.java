package cn.studyledger.figure.domain;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.jdbc.Chunks;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.figure.FigureApi.Figure;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.FigureView;
import cn.studyledger.figure.Period;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** All figures of an organisation and year, from every module's provider, with their evidence. */
@Service
public class FigureService {

    private final OrgApi orgs;
    private final AsyncTaskExecutor tallies;
    private final TransactionTemplate readOnly;
    private final Map<String, FigureProvider> providers = new LinkedHashMap<>();
    private final Map<String, FigureDefinition> definitions = new LinkedHashMap<>();

    /** The order of DESIGN.md §3, which is the order the report reads them in; later keys follow. */
    static final List<String> ORDER = List.of(
            "org.name",
            "org.field",
            "sessions.collective",
            "sessions.discussion",
            "sessions.hours",
            "sessions.days",
            "sessions.enlarged",
            "attendance.rate",
            "attendance.presentRate",
            "tests.held",
            "tests.participation",
            "selfstudy.hours",
            "notes.attached",
            "books.read",
            "plan.executionRate",
            "firsttopic.sessions",
            "firsttopic.items",
            "firsttopic.closureRate",
            "firsttopic.medianLagDays",
            "lectures.count",
            "materials.issues",
            "writings.count",
            "fieldwork.count",
            "online.personTimes",
            "supervision.visits",
            "supervision.coverage",
            "supervision.rating",
            "notices.coverage",
            "submissions.onTime",
            "submissions.filedOnTime",
            "system.units",
            "system.sessions.collective",
            "system.sessions.hours",
            "system.sessions.discussion",
            "system.firsttopic.sessions",
            "system.lectures.count",
            "system.selfstudy.hours",
            "system.writings.count",
            "system.research.adopted",
            "system.investigation.reports",
            "system.supervision.visits",
            "system.all.units",
            "system.all.sessions.collective",
            "system.all.sessions.hours",
            "system.all.sessions.discussion",
            "system.all.firsttopic.sessions",
            "system.all.lectures.count",
            "system.all.selfstudy.hours",
            "system.all.writings.count",
            "system.all.research.adopted",
            "system.all.investigation.reports",
            "system.all.supervision.visits",
            "research.discussions",
            "research.recommendations",
            "research.adopted",
            "investigation.themes",
            "investigation.trips",
            "investigation.reports",
            "investigation.highlightField",
            "speech.keyRate",
            "youth.attendees",
            "youth.speakers");

    FigureService(
            OrgApi orgs,
            List<FigureProvider> all,
            @Qualifier("tallyExecutor") AsyncTaskExecutor tallies,
            PlatformTransactionManager transactions) {
        this.orgs = orgs;
        this.tallies = tallies;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        List<FigureDefinition> found = new ArrayList<>();
        for (FigureProvider provider : all) {
            for (FigureDefinition definition : provider.definitions()) {
                if (providers.put(definition.key(), provider) != null) {
                    throw new IllegalStateException("figure defined twice: " + definition.key());
                }
                found.add(definition);
            }
        }
        found.sort(Comparator.comparingInt(d -> ORDER.contains(d.key()) ? ORDER.indexOf(d.key()) : ORDER.size()));
        found.forEach(d -> definitions.put(d.key(), d));
    }

    @PreAuthorize("hasAuthority('" + Permissions.FIGURE_VIEW + "')")
    @Transactional(readOnly = true)
    public List<FigureView> figures(String orgCode, int year) {
        return figures(orgCode, Period.of(year));
    }

    /** Every figure of the organisation over the period, with the URL of its evidence. */
    @PreAuthorize("hasAuthority('" + Permissions.FIGURE_VIEW + "')")
    @Transactional(readOnly = true)
    public List<FigureView> figures(String orgCode, Period period) {
        OrgRef org = orgs.requireReadable(orgCode);
        Map<String, FigureResult> results = computeAll(org, period);
        List<FigureView> views = new ArrayList<>();
        for (FigureDefinition d : definitions.values()) {
            FigureResult r = results.get(d.key());
            views.add(new FigureView(
                    d.key(),
                    d.label(),
                    r.value(),
                    d.unit(),
                    r.numerator(),
                    r.denominator(),
                    evidenceUrl(org.code(), period, d.key())));
        }
        return views;
    }

    @PreAuthorize("hasAuthority('" + Permissions.FIGURE_VIEW + "')")
    @Transactional(readOnly = true)
    public Figure figure(String orgCode, int year, String key) {
        return figure(orgCode, Period.of(year), key);
    }

    @PreAuthorize("hasAuthority('" + Permissions.FIGURE_VIEW + "')")
    @Transactional(readOnly = true)
    public Figure figure(String orgCode, Period period, String key) {
        OrgRef org = orgs.requireReadable(orgCode);
        return new Figure(definition(key), providers.get(key).compute(key, org, period));
    }

    /** Every figure of the organisation and year, keyed; for the annual report. */
    @PreAuthorize("hasAuthority('" + Permissions.FIGURE_VIEW + "')")
    @Transactional(readOnly = true)
    public Map<String, Figure> all(String orgCode, int year) {
        return all(orgCode, Period.of(year));
    }

    /** Every figure of the organisation over the period, keyed; for the annual and the half-year report. */
    @PreAuthorize("hasAuthority('" + Permissions.FIGURE_VIEW + "')")
    @Transactional(readOnly = true)
    public Map<String, Figure> all(String orgCode, Period period) {
        OrgRef org = orgs.requireReadable(orgCode);
        Map<String, FigureResult> results = computeAll(org, period);
        Map<String, Figure> all = new LinkedHashMap<>();
        for (FigureDefinition d : definitions.values()) {
            all.put(d.key(), new Figure(d, results.get(d.key())));
        }
        return all;
    }

    /** Some figures of the organisation and year, keyed in the order asked; 404 for an unknown key. */
    @PreAuthorize("hasAuthority('" + Permissions.FIGURE_VIEW + "')")
    @Transactional(readOnly = true)
    public Map<String, Figure> some(String orgCode, int year, List<String> keys) {
        OrgRef org = orgs.requireReadable(orgCode);
        keys.forEach(this::definition);
        Map<String, FigureResult> results = computeAll(org, Period.of(year), keys);
        Map<String, Figure> some = new LinkedHashMap<>();
        keys.forEach(key -> some.put(key, new Figure(definitions.get(key), results.get(key))));
        return some;
    }

    private Map<String, FigureResult> computeAll(OrgRef org, Period period) {
        return computeAll(org, period, List.copyOf(definitions.keySet()));
    }

    /** The figures, each provider asked once for all of its own (so it can load the period's records once). */
    private Map<String, FigureResult> computeAll(OrgRef org, Period period, List<String> keys) {
        Map<FigureProvider, List<String>> byProvider = new LinkedHashMap<>();
        keys.forEach(key -> byProvider
                .computeIfAbsent(providers.get(key), p -> new ArrayList<>())
                .add(key));
        Map<String, FigureResult> results = new HashMap<>();
        byProvider.forEach((provider, its) -> results.putAll(provider.computeAll(its, org, period)));
        return results;
    }

    /** One figure for many organisations at once, values only, as {@link #tally(List, List, Period)} does. */
    @PreAuthorize("hasAuthority('" + Permissions.FIGURE_VIEW + "')")
    public Map<Long, FigureResult> tally(String key, List<OrgRef> units, Period period) {
        return tally(List.of(key), units, period).get(key);
    }

    /**
     * Figures for many organisations at once, values only, for the roll-up: by key, then by organisation id. Every
     * organisation must be one the current user may read (404 otherwise, as for a single one). Each figure of each
     * chunk of organisations ({@link Chunks#SIZE}) is one task on the tally executor (config.TallyExecutorConfig),
     * run as the current user in a read-only transaction of its own; the caller holds no connection while it waits,
     * so the executor's threads bound the connections roll-ups take. A full queue refuses the whole call
     * ({@code TaskRejectedException}: 503, try again).
     */
    @PreAuthorize("hasAuthority('" + Permissions.FIGURE_VIEW + "')")
    public Map<String, Map<Long, FigureResult>> tally(List<String> keys, List<OrgRef> units, Period period) {
        keys.forEach(this::definition);
        // the check of requireReadable, in memory: no reload of every organisation in sight for each column
        LedgerUser user = CurrentUser.require();
        if (!units.stream().allMatch(u -> user.canRead(u.path()))) {
            throw NotFoundException.of("组织");
        }
        return tallied(keys, units, period);
    }

    /**
     * Figures of the organisation's direct subordinate units, values only, by key and then unit id: what the
     * organisation that guides them (its clerk prepares their year's assessment) reads of them, for a reader of the
     * organisation itself — who need not read the units' own records. 404 for an organisation out of sight.
     */
    @PreAuthorize("hasAuthority('" + Permissions.FIGURE_VIEW + "')")
    public Map<String, Map<Long, FigureResult>> subordinateTally(String orgCode, List<String> keys, Period period) {
        keys.forEach(this::definition);
        OrgRef org = orgs.requireReadable(orgCode);
        return tallied(keys, orgs.children(org.id()), period);
    }

    /**
     * One figure of a direct subordinate unit with the records behind it, for a reader of the organisation above
     * it: the evidence of the unit's line in that organisation's assessment. 404 unless the unit is a direct
     * subordinate of an organisation in sight.
     */
    @PreAuthorize("hasAuthority('" + Permissions.FIGURE_VIEW + "')")
    @Transactional(readOnly = true)
    public Figure subordinateFigure(String orgCode, String unitCode, Period period, String key) {
        OrgRef org = orgs.requireReadable(orgCode);
        OrgRef unit = orgs.children(org.id()).stream()
                .filter(u -> u.code().equals(unitCode))
                .findFirst()
                .orElseThrow(() -> NotFoundException.of("下属单位"));
        return new Figure(definition(key), providers.get(key).compute(key, unit, period));
    }

    private Map<String, Map<Long, FigureResult>> tallied(List<String> keys, List<OrgRef> units, Period period) {
        List<List<OrgRef>> chunks = Chunks.of(units).stream().map(List::copyOf).toList();
        Map<String, List<Future<Map<Long, FigureResult>>>> pending = new LinkedHashMap<>();
        try {
            for (String key : keys) {
                FigureProvider provider = providers.get(key);
                List<Future<Map<Long, FigureResult>>> parts = pending.computeIfAbsent(key, k -> new ArrayList<>());
                for (List<OrgRef> chunk : chunks) {
                    parts.add(tallies.submit(() -> readOnly.execute(status -> provider.tally(key, chunk, period))));
                }
            }
            Map<String, Map<Long, FigureResult>> results = new LinkedHashMap<>();
            for (Map.Entry<String, List<Future<Map<Long, FigureResult>>>> key : pending.entrySet()) {
                Map<Long, FigureResult> merged = new LinkedHashMap<>();
                for (Future<Map<Long, FigureResult>> part : key.getValue()) {
                    merged.putAll(part.get());
                }
                results.put(key.getKey(), merged);
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("汇总统计被中断", e);
        } finally {
            // after a failure, what has not started is not wanted any more (a running statement is let finish: an
            // interrupt could close H2's file channel under the other users)
            pending.values().forEach(parts -> parts.forEach(part -> part.cancel(false)));
        }
    }

    /** Every figure defined, in report order. */
    public List<FigureDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    private FigureDefinition definition(String key) {
        FigureDefinition d = definitions.get(key);
        if (d == null) {
            throw new NotFoundException("没有名为“" + key + "”的统计指标");
        }
        return d;
    }

    public static String evidenceUrl(String orgCode, int year, String key) {
        return evidenceUrl(orgCode, Period.of(year), key);
    }

    /** The URL of the API's evidence of a figure over the period ({@code ?period=H1} for the first half). */
    public static String evidenceUrl(String orgCode, Period period, String key) {
        return "/api/v1/orgs/" + orgCode + "/years/" + period.year() + "/figures/" + key + "/evidence"
                + (period.wholeYear() ? "" : "?period=" + period.apiName());
    }
}
