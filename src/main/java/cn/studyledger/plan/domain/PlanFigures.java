package cn.studyledger.plan.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.PersonFigureProvider;
import cn.studyledger.org.OrgRef;
import cn.studyledger.plan.PlanStatus;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SessionSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code plan.executionRate}: arrangements of the year's effective (latest approved) plan carried out by at
 * least one held session, over all its arrangements; each executed arrangement is evidence. Without an approved
 * plan there is nothing to measure, so no value. Per person, {@code led} (领学): the held sessions that carried out an
 * arrangement of that plan the person was to lead.
 */
@Component
@Transactional(readOnly = true)
class PlanFigures implements FigureProvider, PersonFigureProvider {

    static final String EXECUTION_RATE = "plan.executionRate";
    static final String LED = "led";

    private final PlanRepository plans;
    private final SessionApi sessions;

    PlanFigures(PlanRepository plans, SessionApi sessions) {
        this.plans = plans;
        this.sessions = sessions;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(new FigureDefinition(EXECUTION_RATE, "学习计划执行率", "%", FigureDefinition.Kind.RATE));
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        return compute(key, org, Period.of(year));
    }

    /** For part of the year: the arrangements of its months, carried out by sessions held within it. */
    @Override
    public FigureResult compute(String key, OrgRef org, Period period) {
        if (!EXECUTION_RATE.equals(key)) {
            throw new IllegalArgumentException(key);
        }
        AnnualPlan plan = effective(org, period.year());
        if (plan == null) {
            return FigureResult.rate(List.of(), List.of());
        }
        Map<Long, SessionSummary> held = new LinkedHashMap<>(held(org, period.year()));
        held.values().removeIf(s -> !period.includes(s.date()));
        List<Arrangement> arrangements = plan.arrangements().stream()
                .filter(a -> a.month() <= period.lastMonth())
                .toList();
        List<Evidence> executed = new ArrayList<>();
        List<Evidence> notYet = new ArrayList<>();
        for (Arrangement a : arrangements) {
            List<SessionSummary> carriedOut = a.sessionIds().stream()
                    .map(held::get)
                    .filter(Objects::nonNull)
                    .sorted(Comparator.comparing(SessionSummary::date))
                    .toList();
            if (carriedOut.isEmpty()) {
                notYet.add(new Evidence(
                        "月度安排",
                        a.id(),
                        null,
                        a.month() + "月 · " + a.topic(),
                        "尚未举行",
                        null,
                        "/plans/" + plan.getId() + "#a" + a.id()));
                continue;
            }
            executed.add(new Evidence(
                    "月度安排",
                    a.id(),
                    carriedOut.get(0).date(),
                    a.month() + "月 · " + a.topic(),
                    "已举行："
                            + carriedOut.stream()
                                    .map(s -> s.date() + " " + s.title())
                                    .collect(Collectors.joining("；")),
                    null,
                    "/plans/" + plan.getId() + "#a" + a.id()));
        }
        return FigureResult.rate(executed, notYet);
    }

    @Override
    public List<FigureDefinition> personDefinitions() {
        return List.of(new FigureDefinition(LED, "领学", "次", FigureDefinition.Kind.COUNT));
    }

    /** Each held session once per lead of the effective plan's arrangements it carried out. */
    @Override
    public Map<String, List<Evidence>> personEvidence(OrgRef org, int year) {
        AnnualPlan plan = effective(org, year);
        if (plan == null) {
            return Map.of(LED, List.of());
        }
        Map<Long, SessionSummary> held = held(org, year);
        Map<Long, Set<Long>> ledBy = new LinkedHashMap<>();
        for (Arrangement a : plan.arrangements()) {
            if (a.leadPersonId() != null) {
                a.sessionIds().stream()
                        .filter(held::containsKey)
                        .forEach(id -> ledBy.computeIfAbsent(id, k -> new LinkedHashSet<>())
                                .add(a.leadPersonId()));
            }
        }
        List<Evidence> led = new ArrayList<>();
        held.values().stream()
                .sorted(Comparator.comparing(SessionSummary::date).thenComparing(SessionSummary::id))
                .forEach(s -> ledBy.getOrDefault(s.id(), Set.of())
                        .forEach(person -> led.add(
                                new Evidence("集中学习", s.id(), s.date(), s.title(), "领学", null, "/sessions/" + s.id())
                                        .about(person))));
        return Map.of(LED, led);
    }

    private AnnualPlan effective(OrgRef org, int year) {
        return plans.findFirstByOrgIdAndPlanYearAndStatusOrderByRevisionDesc(org.id(), year, PlanStatus.APPROVED)
                .orElse(null);
    }

    private Map<Long, SessionSummary> held(OrgRef org, int year) {
        return sessions.sessions(org.id(), year).stream()
                .filter(s -> s.status() == SessionStatus.HELD)
                .collect(Collectors.toMap(SessionSummary::id, Function.identity()));
    }
}
