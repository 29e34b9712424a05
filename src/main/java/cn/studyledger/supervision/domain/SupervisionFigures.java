package cn.studyledger.supervision.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.Tallies;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.supervision.VisitStage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supervision figures of DESIGN.md §3 for a superior organisation and year: {@code supervision.visits} (旁听指导
 * X 场次: visits of its subordinate units with stage 3 done) and {@code supervision.coverage} (subordinate units
 * with a completed visit / active subordinate units; the report says 全覆盖 only at 100%); and, about the VISITED unit,
 * {@code supervision.rating} (接受列席旁听评价平均分): the mean of the weighted scores (0–100, one decimal, see {@link
 * SupervisionVisit#weighted}) of the visits made to it that were planned in the period and have been rated (stage 2
 * recorded, whatever stage they reached since), each visit one evidence record with its score as the amount and its
 * page, which the unit reads; no value while none was rated.
 */
@Component
@Transactional(readOnly = true)
class SupervisionFigures implements FigureProvider {

    static final String VISITS = "supervision.visits";
    static final String COVERAGE = "supervision.coverage";
    static final String RATING = "supervision.rating";

    private final VisitRepository visits;
    private final OrgApi orgs;
    private final JdbcClient jdbc;

    SupervisionFigures(VisitRepository visits, OrgApi orgs, JdbcClient jdbc) {
        this.visits = visits;
        this.orgs = orgs;
        this.jdbc = jdbc;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                new FigureDefinition(VISITS, "列席旁听指导场次", "场次", Kind.COUNT),
                new FigureDefinition(COVERAGE, "下级单位列席旁听覆盖率", "%", Kind.RATE),
                new FigureDefinition(RATING, "接受列席旁听评价平均分", "分", Kind.AVERAGE));
    }

    /** Completed visits of many superiors with one grouped statement; the same numbers as {@link #compute}. */
    @Override
    public Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, Period period) {
        if (RATING.equals(key)) {
            return Tallies.averages(jdbc, """
                    select unit_org_id, sum(weighted_score), count(*) from supervision_visit
                     where unit_org_id in (:orgIds) and planned_on between :from and :to
                       and weighted_score is not null
                     group by unit_org_id""", Map.of("from", period.from(), "to", period.to()), orgs);
        }
        if (!VISITS.equals(key)) {
            return FigureProvider.super.tally(key, orgs, period);
        }
        return Tallies.counts(
                jdbc,
                """
                select superior_org_id, count(*) from supervision_visit
                 where superior_org_id in (:orgIds) and planned_on between :from and :to and stage in (:completed)
                 group by superior_org_id""",
                Map.of(
                        "from", period.from(),
                        "to", period.to(),
                        "completed",
                                Arrays.stream(VisitStage.values())
                                        .filter(VisitStage::isCompleted)
                                        .map(Enum::name)
                                        .toList()),
                orgs);
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        return compute(key, org, Period.of(year));
    }

    /** For part of the year: the visits planned within it, and the units visited in it over all units. */
    @Override
    public FigureResult compute(String key, OrgRef org, Period period) {
        return switch (key) {
            case VISITS -> visitsCompleted(org, period);
            case COVERAGE -> coverage(org, period);
            case RATING -> rating(org, period);
            default -> throw new IllegalArgumentException(key);
        };
    }

    private List<SupervisionVisit> completed(OrgRef org, Period period) {
        return visits
                .findBySuperiorOrgIdAndPlannedOnBetweenOrderByPlannedOnAscIdAsc(org.id(), period.from(), period.to())
                .stream()
                .filter(v -> v.stage().isCompleted())
                .toList();
    }

    private FigureResult visitsCompleted(OrgRef org, Period period) {
        List<Evidence> evidence = new ArrayList<>();
        for (SupervisionVisit v : completed(org, period)) {
            OrgRef unit = orgs.get(v.unitOrgId());
            evidence.add(new Evidence(
                    "列席旁听",
                    v.getId(),
                    v.plannedOn(),
                    unit.name() + "：" + v.sessionTitle(),
                    v.stage().label() + " · 小结 " + v.summarisedOn()
                            + (v.weightedScore() == null ? "" : " · 综合评分 " + v.weightedScore()),
                    null,
                    "/supervision/visits/" + v.getId()));
        }
        return FigureResult.count(evidence);
    }

    private FigureResult rating(OrgRef unit, Period period) {
        List<Evidence> rated = new ArrayList<>();
        for (SupervisionVisit v : visits.findByUnitOrgIdAndPlannedOnBetweenOrderByPlannedOnAscIdAsc(
                unit.id(), period.from(), period.to())) {
            if (v.weightedScore() == null) {
                continue;
            }
            rated.add(new Evidence(
                    "列席旁听",
                    v.getId(),
                    v.plannedOn(),
                    orgs.get(v.superiorOrgId()).name() + "列席旁听：" + v.sessionTitle(),
                    "综合评分 " + v.weightedScore() + " · " + v.stage().label(),
                    v.weightedScore(),
                    "/supervision/visits/" + v.getId()));
        }
        return FigureResult.average(rated);
    }

    private FigureResult coverage(OrgRef org, Period period) {
        List<OrgRef> units = orgs.children(org.id());
        List<SupervisionVisit> completed = completed(org, period);
        List<Evidence> visited = new ArrayList<>();
        List<Evidence> notVisited = new ArrayList<>();
        for (OrgRef unit : units) {
            List<SupervisionVisit> its =
                    completed.stream().filter(v -> v.unitOrgId() == unit.id()).toList();
            if (its.isEmpty()) {
                notVisited.add(new Evidence(
                        "被旁听单位",
                        unit.id(),
                        null,
                        unit.name(),
                        (period.wholeYear() ? "本年度" : period.partLabel()) + "尚未完成旁听",
                        null,
                        "/supervision?unit=" + URLEncoder.encode(unit.code(), StandardCharsets.UTF_8)));
            } else {
                SupervisionVisit first = its.get(0);
                visited.add(new Evidence(
                        "被旁听单位",
                        unit.id(),
                        first.plannedOn(),
                        unit.name(),
                        (period.wholeYear() ? "本年度" : period.partLabel()) + "完成旁听 " + its.size() + " 场（首次 "
                                + first.plannedOn() + "）",
                        null,
                        "/supervision/visits/" + first.getId()));
            }
        }
        return FigureResult.rate(visited, notVisited);
    }
}
