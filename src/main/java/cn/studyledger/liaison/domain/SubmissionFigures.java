package cn.studyledger.liaison.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.Tallies;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code submissions.onTime} (报送及时率): of the filings the organisation's direct subordinate units made to it in the
 * period (by the day filed), the share filed by the deadline in force when they were filed. Each filing is one
 * evidence record, the late ones its complement.
 *
 * <p>{@code submissions.filedOnTime} (本单位报送及时率) is about the organisation as FILER: of its own filings to its
 * superior for the period's year ({@code submission_year}), the share filed by the due date in force when filed. Only
 * the first filing of each kind counts (the earliest by day filed, then by id): whether the unit met the deadline is
 * decided by when it first filed; a filing made again after a return is the correction the superior asked for, not a
 * second deadline, so it neither counts as late nor makes an on-time filing count twice (the return shows in the
 * filings matrix and its follow-up). For the first half of the year only the first filings made by 30 June count; the
 * year counts them all, an annual report filed the next January included. Each first filing is one evidence record
 * (with the API address of the filing, which the unit and its superior read), the late ones its complement; no value
 * while the unit has filed nothing for the year.
 */
@Component
@Transactional(readOnly = true)
class SubmissionFigures implements FigureProvider {

    static final String ON_TIME = "submissions.onTime";
    static final String FILED_ON_TIME = "submissions.filedOnTime";

    /** The first filing of its kind by the unit for its year: no earlier one (by day filed, then id) exists. */
    private static final String FIRST_OF_ITS_KIND = """
            not exists (select 1 from liaison_submission p
                         where p.unit_org_id = f.unit_org_id and p.kind = f.kind
                           and p.submission_year = f.submission_year
                           and (p.submitted_on < f.submitted_on or (p.submitted_on = f.submitted_on and p.id < f.id)))""";

    private final SubmissionRepository submissions;
    private final OrgApi orgs;
    private final JdbcClient jdbc;

    SubmissionFigures(SubmissionRepository submissions, OrgApi orgs, JdbcClient jdbc) {
        this.submissions = submissions;
        this.orgs = orgs;
        this.jdbc = jdbc;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                new FigureDefinition(ON_TIME, "报送及时率", "%", Kind.RATE),
                new FigureDefinition(FILED_ON_TIME, "本单位报送及时率", "%", Kind.RATE));
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        if (FILED_ON_TIME.equals(key)) {
            return filedOnTime(org, Period.of(year));
        }
        if (!ON_TIME.equals(key)) {
            throw new IllegalArgumentException(key);
        }
        List<Evidence> inTime = new ArrayList<>();
        List<Evidence> late = new ArrayList<>();
        for (Submission s : submissions.findBySuperiorOrgIdAndSubmittedOnBetweenOrderBySubmittedOnAscIdAsc(
                org.id(), Period.of(year).from(), Period.of(year).to())) {
            Evidence e = new Evidence(
                    "报送",
                    s.getId(),
                    s.submittedOn(),
                    orgs.get(s.unitOrgId()).name() + " · " + s.documentName(),
                    (s.onTime() ? "按时报送" : "逾期报送") + "（时限" + s.dueOn() + "）· "
                            + s.status().label(),
                    null,
                    null);
            (s.onTime() ? inTime : late).add(e);
        }
        return FigureResult.rate(inTime, late);
    }

    /** The unit's own filings count by their year, not by the day filed: computed for the period itself. */
    @Override
    public FigureResult compute(String key, OrgRef org, Period period) {
        return FILED_ON_TIME.equals(key) ? filedOnTime(org, period) : FigureProvider.super.compute(key, org, period);
    }

    private FigureResult filedOnTime(OrgRef unit, Period period) {
        List<Submission> first = new ArrayList<>();
        submissions.findByUnitOrgIdAndYearOrderByIdAsc(unit.id(), period.year()).stream()
                .sorted(Comparator.comparing(Submission::submittedOn).thenComparing(Submission::getId))
                .filter(s -> first.stream().noneMatch(f -> f.kind() == s.kind()))
                .forEach(first::add);
        List<Evidence> inTime = new ArrayList<>();
        List<Evidence> late = new ArrayList<>();
        for (Submission s : first) {
            if (!period.wholeYear() && s.submittedOn().isAfter(period.to())) {
                continue;
            }
            Evidence e = new Evidence(
                    "报送",
                    s.getId(),
                    s.submittedOn(),
                    s.kind().label() + " · " + s.documentName(),
                    "报送" + orgs.get(s.superiorOrgId()).name() + " · " + (s.onTime() ? "按时报送" : "逾期报送") + "（时限"
                            + s.dueOn() + "）· " + s.status().label(),
                    null,
                    "/api/v1/submissions/" + s.getId());
            (s.onTime() ? inTime : late).add(e);
        }
        return FigureResult.rate(inTime, late);
    }

    /** The same numbers as {@link #compute} for many organisations with one grouped statement. */
    @Override
    public Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, Period period) {
        if (FILED_ON_TIME.equals(key)) {
            return Tallies.rates(
                    jdbc,
                    "select f.unit_org_id, sum(case when f.submitted_on <= f.due_on then 1 else 0 end), count(*)"
                            + " from liaison_submission f where f.unit_org_id in (:orgIds) and f.submission_year = :year"
                            + (period.wholeYear() ? "" : " and f.submitted_on <= :to")
                            + " and " + FIRST_OF_ITS_KIND + " group by f.unit_org_id",
                    Map.of("year", period.year(), "to", period.to()),
                    orgs);
        }
        return Tallies.rates(jdbc, """
                select superior_org_id, sum(case when submitted_on <= due_on then 1 else 0 end), count(*)
                  from liaison_submission
                 where superior_org_id in (:orgIds) and submitted_on between :from and :to
                 group by superior_org_id""", Map.of("from", period.from(), "to", period.to()), orgs);
    }
}
