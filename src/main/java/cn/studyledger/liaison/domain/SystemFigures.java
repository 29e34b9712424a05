package cn.studyledger.liaison.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issuer's own report speaks for the system (下属N个单位中心组共开展集体学习X次): {@code system.units} and
 * {@code system.all.units} (the direct subordinate units; every unit below), {@code system.sessions.collective} and
 * {@code system.all.sessions.collective} (their held sessions of the period, the figure {@code sessions.collective} of
 * each tallied with its provider's grouped statement — one per figure, never a new count). A unit is one evidence
 * record, with its sessions as the amount; no page of the unit is linked, since the issuer's readers need not read
 * the unit's records.
 */
@Component
@Transactional(readOnly = true)
class SystemFigures implements FigureProvider {

    static final String UNITS = "system.units";
    static final String SESSIONS = "system.sessions.collective";
    static final String ALL_UNITS = "system.all.units";
    static final String ALL_SESSIONS = "system.all.sessions.collective";
    private static final String BASE = "sessions.collective";

    private final OrgApi orgs;
    private final ObjectProvider<FigureProvider> providers;

    SystemFigures(OrgApi orgs, ObjectProvider<FigureProvider> providers) {
        this.orgs = orgs;
        this.providers = providers;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                new FigureDefinition(UNITS, "下属单位", "个", Kind.COUNT),
                new FigureDefinition(SESSIONS, "下属单位集体学习", "次", Kind.SUM),
                new FigureDefinition(ALL_UNITS, "全系统下属单位", "个", Kind.COUNT),
                new FigureDefinition(ALL_SESSIONS, "全系统集体学习", "次", Kind.SUM));
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        return compute(key, org, Period.of(year));
    }

    /** Computed for the period itself: a unit has no date, its sessions do. */
    @Override
    public FigureResult compute(String key, OrgRef org, Period period) {
        List<OrgRef> units = switch (key) {
            case UNITS, SESSIONS -> orgs.children(org.id());
            case ALL_UNITS, ALL_SESSIONS -> below(org);
            default -> throw new IllegalArgumentException(key);
        };
        if (key.equals(UNITS) || key.equals(ALL_UNITS)) {
            return FigureResult.count(units.stream()
                    .map(u -> new Evidence("下属单位", u.id(), null, u.name(), u.issuer(), null, null))
                    .toList());
        }
        Map<Long, FigureResult> sessions = base().tally(BASE, units, period);
        List<Evidence> evidence = new ArrayList<>();
        for (OrgRef u : units) {
            long held = ((Number) sessions.get(u.id()).value()).longValue();
            if (held > 0) {
                evidence.add(new Evidence(
                        "下属单位", u.id(), null, u.name(), "集体学习" + held + "次", BigDecimal.valueOf(held), null));
            }
        }
        return FigureResult.sum(evidence);
    }

    /** Every active unit below the organisation, level by level. */
    private List<OrgRef> below(OrgRef org) {
        List<OrgRef> all = new ArrayList<>();
        Deque<OrgRef> next = new ArrayDeque<>(orgs.children(org.id()));
        while (!next.isEmpty()) {
            OrgRef unit = next.poll();
            all.add(unit);
            next.addAll(orgs.children(unit.id()));
        }
        return all;
    }

    private FigureProvider base() {
        return providers.stream()
                .filter(p -> p.definitions().stream().anyMatch(d -> d.key().equals(BASE)))
                .findFirst()
                .orElseThrow();
    }
}
