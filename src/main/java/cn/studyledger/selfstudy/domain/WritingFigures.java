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
import cn.studyledger.selfstudy.WritingKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code writings.count}: the members' 心得体会、调研报告 and 理论文章 dated in the year; {@code online.personTimes}:
 * the person-times of the online learning whose period starts in the year. Each record is its own evidence. Per
 * person: {@code writings}, their part of {@code writings.count}, and one figure a writing kind ({@code
 * experienceWritings} …, 发言材料 included).
 */
@Component
@Transactional(readOnly = true)
class WritingFigures implements FigureProvider, PersonFigureProvider {

    static final String WRITINGS = "writings.count";
    static final String ONLINE = "online.personTimes";
    static final String PERSON_WRITINGS = "writings";

    private final WritingRepository writings;
    private final OnlineLearningRepository online;
    private final OrgApi orgs;
    private final JdbcClient jdbc;

    WritingFigures(WritingRepository writings, OnlineLearningRepository online, OrgApi orgs, JdbcClient jdbc) {
        this.writings = writings;
        this.online = online;
        this.orgs = orgs;
        this.jdbc = jdbc;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                new FigureDefinition(WRITINGS, "心得体会、调研报告等学习成果", "篇", FigureDefinition.Kind.COUNT),
                new FigureDefinition(ONLINE, "线上学习累计人次", "人次", FigureDefinition.Kind.SUM));
    }

    /** The members' writings of many groups with one grouped statement; the same numbers as {@link #compute}. */
    @Override
    public Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, Period period) {
        if (!WRITINGS.equals(key)) {
            return FigureProvider.super.tally(key, orgs, period);
        }
        return Tallies.memberCounts(
                jdbc,
                this.orgs,
                """
                select org_id, person_id, count(*) from selfstudy_writing
                 where org_id in (:orgIds) and written_on between :from and :to and kind in (:kinds)
                 group by org_id, person_id""",
                period,
                Map.of(
                        "kinds",
                        Arrays.stream(WritingKind.values())
                                .filter(WritingKind::countsAsAchievement)
                                .map(Enum::name)
                                .toList()),
                orgs);
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        return switch (key) {
            case WRITINGS -> writings(org, year);
            case ONLINE -> online(org, year);
            default -> throw new IllegalArgumentException(key);
        };
    }

    private FigureResult writings(OrgRef org, int year) {
        return FigureResult.count(writings(
                org,
                year,
                Arrays.stream(WritingKind.values())
                        .filter(WritingKind::countsAsAchievement)
                        .toList()));
    }

    /** The members' writings of the kinds in the year, each about its author. */
    private List<Evidence> writings(OrgRef org, int year, List<WritingKind> kinds) {
        List<Long> members =
                orgs.members(org.id(), year).stream().map(GroupMember::personId).toList();
        if (members.isEmpty()) {
            return List.of();
        }
        Map<Long, PersonRef> people = orgs.people(members);
        return writings.findForFigure(org.id(), from(year), to(year), members, kinds).stream()
                .map(w -> new Evidence(
                                "学习成果",
                                w.getId(),
                                w.writtenOn(),
                                name(people, w.personId()) + " · 《" + w.title() + "》",
                                w.kind().label(),
                                null,
                                "/writings/" + w.getId())
                        .about(w.personId()))
                .toList();
    }

    @Override
    public List<FigureDefinition> personDefinitions() {
        List<FigureDefinition> d = new ArrayList<>();
        d.add(new FigureDefinition(PERSON_WRITINGS, "心得体会、调研报告等学习成果", "篇", FigureDefinition.Kind.COUNT));
        for (WritingKind kind : WritingKind.values()) {
            d.add(new FigureDefinition(kind.figureKey(), kind.label(), "篇", FigureDefinition.Kind.COUNT));
        }
        return d;
    }

    /** All the members' writings of the year once, as {@code writings} (the kinds writings.count counts) and by kind. */
    @Override
    public Map<String, List<Evidence>> personEvidence(OrgRef org, int year) {
        List<Evidence> all = writings(org, year, List.of(WritingKind.values()));
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        evidence.put(
                PERSON_WRITINGS,
                all.stream().filter(e -> kindOf(e).countsAsAchievement()).toList());
        for (WritingKind kind : WritingKind.values()) {
            evidence.put(
                    kind.figureKey(),
                    all.stream().filter(e -> kindOf(e) == kind).toList());
        }
        return evidence;
    }

    /** The kind of a writing's evidence, which names it by its label. */
    private static WritingKind kindOf(Evidence e) {
        return Arrays.stream(WritingKind.values())
                .filter(k -> k.label().equals(e.detail()))
                .findFirst()
                .orElseThrow();
    }

    private FigureResult online(OrgRef org, int year) {
        List<OnlineLearning> rows = online.findForFigure(org.id(), from(year), to(year));
        Map<Long, PersonRef> people = orgs.people(
                rows.stream().map(OnlineLearning::personId).distinct().toList());
        return FigureResult.sum(rows.stream()
                .map(o -> new Evidence(
                                "线上学习",
                                o.getId(),
                                o.periodStart(),
                                name(people, o.personId()) + " · " + o.platform(),
                                o.periodStart() + "至" + o.periodEnd() + "，" + o.personTimes() + "人次，积分" + o.points(),
                                BigDecimal.valueOf(o.personTimes()),
                                "/online?person=" + o.personId())
                        .about(o.personId()))
                .toList());
    }

    private static String name(Map<Long, PersonRef> people, long personId) {
        PersonRef p = people.get(personId);
        return p == null ? "#" + personId : p.name();
    }

    private static LocalDate from(int year) {
        return LocalDate.of(year, 1, 1);
    }

    private static LocalDate to(int year) {
        return LocalDate.of(year, 12, 31);
    }
}
