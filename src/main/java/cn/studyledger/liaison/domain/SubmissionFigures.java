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
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code submissions.onTime} (报送及时率): of the filings the organisation's direct subordinate units made to it in the
 * period (by the day filed), the share filed by the deadline in force when they were filed. Each filing is one
 * evidence record, the late ones its complement.
 */
@Component
@Transactional(readOnly = true)
class SubmissionFigures implements FigureProvider {

    static final String ON_TIME = "submissions.onTime";

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
        return List.of(new FigureDefinition(ON_TIME, "报送及时率", "%", Kind.RATE));
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
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

    /** The same numbers as {@link #compute} for many organisations with one grouped statement. */
    @Override
    public Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, Period period) {
        return Tallies.rates(jdbc, """
                select superior_org_id, sum(case when submitted_on <= due_on then 1 else 0 end), count(*)
                  from liaison_submission
                 where superior_org_id in (:orgIds) and submitted_on between :from and :to
                 group by superior_org_id""", Map.of("from", period.from(), "to", period.to()), orgs);
    }
}
