package cn.studyledger.selfstudy.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.PersonFigureProvider;
import cn.studyledger.figure.Tallies;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code selfstudy.hours}: the members' self-study hours of the year, each entry as evidence; per person, {@code
 * selfStudyHours}: their part of it, the same entries.
 */
@Component
@Transactional(readOnly = true)
class SelfStudyFigures implements FigureProvider, PersonFigureProvider {

    static final String HOURS = "selfstudy.hours";
    static final String PERSON_HOURS = "selfStudyHours";

    private final SelfStudyRepository entries;
    private final OrgApi orgs;
    private final JdbcClient jdbc;

    SelfStudyFigures(SelfStudyRepository entries, OrgApi orgs, JdbcClient jdbc) {
        this.entries = entries;
        this.orgs = orgs;
        this.jdbc = jdbc;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(new FigureDefinition(HOURS, "个人自学学时", "学时", FigureDefinition.Kind.SUM));
    }

    /**
     * The members' hours of many groups with one grouped statement; the same numbers as {@link #compute}. A whole
     * year reads the people's yearly totals ({@link SelfStudyTotals}, a row per person instead of every entry), the
     * first half of a year the entries.
     */
    @Override
    public Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, Period period) {
        Map<Long, BigDecimal> hours = Tallies.memberAmounts(
                jdbc,
                period.wholeYear()
                        ? "select org_id, person_id, hours from " + SelfStudyTotals.TABLE
                                + " where org_id in (:orgIds) and study_year = :year"
                        : """
                        select org_id, person_id, sum(hours) from selfstudy_entry
                         where org_id in (:orgIds) and study_date between :from and :to group by org_id, person_id""",
                period.wholeYear() ? Map.of("year", period.year()) : Map.of("from", period.from(), "to", period.to()),
                orgs,
                this.orgs.memberIds(orgs.stream().map(OrgRef::id).toList(), period.year()));
        Map<Long, FigureResult> results = new LinkedHashMap<>();
        hours.forEach((orgId, sum) -> results.put(orgId, FigureResult.tallied(sum)));
        return results;
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        List<Long> members =
                orgs.members(org.id(), year).stream().map(GroupMember::personId).toList();
        if (members.isEmpty()) {
            return FigureResult.sum(List.of());
        }
        Map<Long, PersonRef> people = orgs.people(members);
        List<Evidence> evidence =
                entries.findForFigure(org.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), members).stream()
                        .map(e -> new Evidence(
                                        "个人自学",
                                        e.getId(),
                                        e.date(),
                                        people.get(e.personId()).name() + " · " + e.content(),
                                        e.hours() + "学时",
                                        e.hours(),
                                        "/selfstudy?person=" + e.personId())
                                .about(e.personId()))
                        .toList();
        return FigureResult.sum(evidence);
    }

    @Override
    public List<FigureDefinition> personDefinitions() {
        return List.of(new FigureDefinition(PERSON_HOURS, "个人自学", "学时", FigureDefinition.Kind.SUM));
    }

    @Override
    public Map<String, List<Evidence>> personEvidence(OrgRef org, int year) {
        return Map.of(PERSON_HOURS, compute(HOURS, org, year).evidence());
    }
}
