package cn.studyledger.session.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.PersonFigureProvider;
import cn.studyledger.figure.Tallies;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code tests.held}: the 学习测试 held in the period, each its own evidence; {@code tests.participation}: the
 * members' participations over every (test, member of the year's group) pair of the period — a rate like {@code
 * attendance.rate}, its complement the members who did not take part in a test. Per person: {@code testsTaken}, the
 * tests of the year a member took part in. No figure says anything about scores.
 */
@Component
@Transactional(readOnly = true)
class StudyTestFigures implements FigureProvider, PersonFigureProvider {

    static final String HELD = "tests.held";
    static final String PARTICIPATION = "tests.participation";
    static final String TAKEN = "testsTaken";

    private final StudyTestRepository tests;
    private final OrgApi orgs;
    private final JdbcClient jdbc;

    StudyTestFigures(StudyTestRepository tests, OrgApi orgs, JdbcClient jdbc) {
        this.tests = tests;
        this.orgs = orgs;
        this.jdbc = jdbc;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                new FigureDefinition(HELD, "学习测试次数", "次", Kind.COUNT),
                new FigureDefinition(PARTICIPATION, "中心组成员学习测试参加率", "%", Kind.RATE));
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        List<StudyTest> held =
                tests.findHeld(org.id(), Period.of(year).from(), Period.of(year).to());
        return switch (key) {
            case HELD ->
                FigureResult.count(held.stream().map(StudyTestFigures::test).toList());
            case PARTICIPATION -> participation(org, year, held);
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** The same numbers as {@link #compute} for many groups, with grouped statements. */
    @Override
    public Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, Period period) {
        Map<String, Object> params = Map.of("from", period.from(), "to", period.to());
        Map<Long, FigureResult> held = Tallies.counts(
                jdbc,
                "select t.org_id, count(*) from session_study_test t where t.org_id in (:orgIds)"
                        + " and t.held_on between :from and :to group by t.org_id",
                params,
                orgs);
        if (HELD.equals(key)) {
            return held;
        }
        if (!PARTICIPATION.equals(key)) {
            return FigureProvider.super.tally(key, orgs, period);
        }
        Map<Long, Set<Long>> members =
                this.orgs.memberIds(orgs.stream().map(OrgRef::id).toList(), period.year());
        var taken = Tallies.memberAmounts(jdbc, """
                select t.org_id, p.person_id, count(*)
                  from session_study_test_participant p join session_study_test t on t.id = p.test_id
                 where t.org_id in (:orgIds) and t.held_on between :from and :to
                 group by t.org_id, p.person_id""", params, orgs, members);
        Map<Long, FigureResult> results = new LinkedHashMap<>();
        for (OrgRef org : orgs) {
            long count = (Long) held.get(org.id()).value();
            long pairs = count * members.getOrDefault(org.id(), Set.of()).size();
            results.put(org.id(), FigureResult.tallied(taken.get(org.id()).longValueExact(), pairs));
        }
        return results;
    }

    @Override
    public List<FigureDefinition> personDefinitions() {
        return List.of(new FigureDefinition(TAKEN, "参加学习测试", "次", Kind.COUNT));
    }

    @Override
    public Map<String, List<Evidence>> personEvidence(OrgRef org, int year) {
        List<StudyTest> held =
                tests.findHeld(org.id(), Period.of(year).from(), Period.of(year).to());
        return Map.of(TAKEN, participation(org, year, held).evidence());
    }

    /**
     * Every (test, member) pair: the member's participation when they took part (cited by its row's id), else the
     * test they missed — a pair with no row of its own, cited by the test's id negated so that it is never taken for
     * a participation.
     */
    private FigureResult participation(OrgRef org, int year, List<StudyTest> held) {
        List<GroupMember> members = orgs.members(org.id(), year);
        List<Evidence> took = new ArrayList<>();
        List<Evidence> missed = new ArrayList<>();
        for (StudyTest t : held) {
            Map<Long, StudyTestParticipant> byPerson = new LinkedHashMap<>();
            t.participants().forEach(p -> byPerson.put(p.personId(), p));
            for (GroupMember m : members) {
                StudyTestParticipant p = byPerson.get(m.personId());
                Evidence e = new Evidence(
                                "学习测试参加",
                                p == null ? -t.getId() : p.id(),
                                t.heldOn(),
                                m.name() + " · " + t.title(),
                                p == null ? "未参加" : "参加",
                                null,
                                url(t))
                        .about(m.personId());
                (p == null ? missed : took).add(e);
            }
        }
        return FigureResult.rate(took, missed);
    }

    private static Evidence test(StudyTest t) {
        return new Evidence(
                "学习测试",
                t.getId(),
                t.heldOn(),
                t.title(),
                "参加" + t.participants().size() + "人",
                null,
                url(t));
    }

    private static String url(StudyTest t) {
        return "/study-tests/" + t.getId();
    }
}
