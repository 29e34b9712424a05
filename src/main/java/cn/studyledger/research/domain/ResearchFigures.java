package cn.studyledger.research.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.research.RecommendationStatus;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AgendaSummary;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SessionSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The research and investigation figures of DESIGN.md §3, the organisation's business field ({@code org.field})
 * and {@code fieldwork.count}: held sessions of format 现场教学 plus the field trips central-group members took part
 * in.
 */
@Component
@Transactional(readOnly = true)
class ResearchFigures implements FigureProvider {

    static final String DISCUSSIONS = "research.discussions";
    static final String RECOMMENDATIONS = "research.recommendations";
    static final String ADOPTED = "research.adopted";
    static final String THEMES = "investigation.themes";
    static final String TRIPS = "investigation.trips";
    static final String REPORTS = "investigation.reports";
    static final String HIGHLIGHT_FIELD = "investigation.highlightField";
    static final String ORG_FIELD = "org.field";
    static final String FIELDWORK = "fieldwork.count";

    private final TopicRepository topics;
    private final InvestigationRepository investigations;
    private final TripRepository trips;
    private final ReportRepository reports;
    private final SelectionRepository selections;
    private final ResearchQueries queries;
    private final SessionApi sessions;
    private final OrgApi orgs;

    ResearchFigures(
            TopicRepository topics,
            InvestigationRepository investigations,
            TripRepository trips,
            ReportRepository reports,
            SelectionRepository selections,
            ResearchQueries queries,
            SessionApi sessions,
            OrgApi orgs) {
        this.topics = topics;
        this.investigations = investigations;
        this.trips = trips;
        this.reports = reports;
        this.selections = selections;
        this.queries = queries;
        this.sessions = sessions;
        this.orgs = orgs;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                new FigureDefinition(ORG_FIELD, "单位业务领域", "", Kind.TEXT),
                new FigureDefinition(FIELDWORK, "现场教学与实地调研次数", "次", Kind.COUNT),
                new FigureDefinition(DISCUSSIONS, "课题深度研讨次数", "次", Kind.COUNT),
                new FigureDefinition(RECOMMENDATIONS, "提出对策建议", "条", Kind.COUNT),
                new FigureDefinition(ADOPTED, "对策建议直接转化", "条", Kind.COUNT),
                new FigureDefinition(THEMES, "确定调研主题", "个", Kind.COUNT),
                new FigureDefinition(TRIPS, "深入基层开展调研", "次", Kind.COUNT),
                new FigureDefinition(REPORTS, "形成调研报告", "篇", Kind.COUNT),
                new FigureDefinition(HIGHLIGHT_FIELD, "专题调研报告所属领域", "", Kind.TEXT));
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        return switch (key) {
            case RECOMMENDATIONS, ADOPTED -> compute(key, org, Period.of(year));
            default -> computeYear(key, org, year);
        };
    }

    /**
     * For part of the year: a recommendation counts by the day it was proposed (and among the adopted ones when it is
     * adopted now), every other figure by its records' dates ({@link FigureResult#within}).
     */
    @Override
    public FigureResult compute(String key, OrgRef org, Period period) {
        return switch (key) {
            case RECOMMENDATIONS -> FigureResult.count(recommendations(org, period, false));
            case ADOPTED -> FigureResult.count(recommendations(org, period, true));
            default -> FigureProvider.super.compute(key, org, period);
        };
    }

    private FigureResult computeYear(String key, OrgRef org, int year) {
        return switch (key) {
            case ORG_FIELD -> orgField(org);
            case FIELDWORK -> fieldwork(org, year);
            case DISCUSSIONS -> discussions(org, year);
            case THEMES -> FigureResult.count(themes(org, year));
            case TRIPS -> FigureResult.count(trips(org, year, false));
            case REPORTS -> FigureResult.count(reportEvidence(org, year));
            case HIGHLIGHT_FIELD -> highlightField(org, year);
            default -> throw new IllegalArgumentException(key);
        };
    }

    private static FigureResult orgField(OrgRef org) {
        if (org.businessField() == null || org.businessField().isBlank()) {
            return FigureResult.text(null, List.of());
        }
        return FigureResult.text(
                org.businessField(),
                List.of(new Evidence("组织", org.id(), null, org.name(), "业务领域：" + org.businessField(), null, null)));
    }

    /** Held sessions of the year with at least one RESEARCH_TOPIC agenda item, with the topics they discussed. */
    private FigureResult discussions(OrgRef org, int year) {
        Map<Long, List<String>> topicsBySession = new HashMap<>();
        for (ResearchTopic topic : topics.findByOrgIdAndYearOrderByIdAsc(org.id(), year)) {
            topic.discussions()
                    .forEach(d -> topicsBySession
                            .computeIfAbsent(d.sessionId(), k -> new ArrayList<>())
                            .add(topic.title()));
        }
        List<Evidence> evidence = new ArrayList<>();
        for (SessionSummary s : held(org, year)) {
            List<String> agenda = sessions.agenda(s.id()).stream()
                    .filter(a -> a.kind() == AgendaKind.RESEARCH_TOPIC)
                    .map(AgendaSummary::title)
                    .toList();
            if (agenda.isEmpty()) {
                continue;
            }
            List<String> linked = topicsBySession.getOrDefault(s.id(), List.of());
            evidence.add(new Evidence(
                    "集中学习",
                    s.id(),
                    s.date(),
                    s.title(),
                    "课题研讨：" + String.join("；", agenda)
                            + (linked.isEmpty() ? "" : "（研讨课题：" + String.join("、", linked) + "）"),
                    null,
                    "/sessions/" + s.id()));
        }
        return FigureResult.count(evidence);
    }

    /** Recommendations proposed in the period; {@code adoptedOnly} keeps those adopted (直接转化). */
    private List<Evidence> recommendations(OrgRef org, Period period, boolean adoptedOnly) {
        List<Recommendation> proposed = queries.proposedIn(org.id(), period.year()).stream()
                .filter(r -> period.wholeYear() || period.includes(r.proposedOn()))
                .filter(r -> !adoptedOnly || r.status() == RecommendationStatus.ADOPTED)
                .toList();
        Map<Long, String> names = orgs.names(
                proposed.stream().map(Recommendation::proposerPersonId).toList());
        return proposed.stream()
                .map(r -> new Evidence(
                        "对策建议",
                        r.getId(),
                        r.status() == RecommendationStatus.ADOPTED ? r.adoptedOn() : r.proposedOn(),
                        TopicService.abbreviate(r.content()),
                        r.status() == RecommendationStatus.ADOPTED
                                ? "已转化：" + r.measure() + "（" + r.documentNo() + "）"
                                : names.get(r.proposerPersonId()) + " · "
                                        + r.status().label(),
                        null,
                        "/research/" + r.topicId() + "#recommendation-" + r.getId()))
                .toList();
    }

    private List<Evidence> themes(OrgRef org, int year) {
        List<Investigation> list = investigations.findByOrgIdAndYearOrderByIdAsc(org.id(), year);
        Map<Long, String> names =
                orgs.names(list.stream().map(Investigation::leadPersonId).toList());
        return list.stream()
                .map(i -> new Evidence(
                        "调研",
                        i.getId(),
                        null,
                        i.theme(),
                        "牵头：" + names.get(i.leadPersonId()) + " · 调研组"
                                + i.memberIds().size() + "人",
                        null,
                        "/investigations/" + i.getId()))
                .toList();
    }

    /**
     * Field trips of the year's investigations (their dates lie in the year); {@code ofMembers} keeps the trips at
     * least one member of the year's central group took part in.
     */
    private List<Evidence> trips(OrgRef org, int year, boolean ofMembers) {
        Map<Long, Investigation> byId = investigationsById(org, year);
        if (byId.isEmpty()) {
            return List.of();
        }
        Set<Long> members =
                orgs.members(org.id(), year).stream().map(GroupMember::personId).collect(Collectors.toSet());
        List<FieldTrip> list = trips.findByInvestigationIdInOrderByDateAscIdAsc(byId.keySet()).stream()
                .filter(t -> !ofMembers || t.participantIds().stream().anyMatch(members::contains))
                .toList();
        Map<Long, String> names = orgs.names(list.stream()
                .flatMap(t -> t.participantIds().stream())
                .distinct()
                .toList());
        return list.stream()
                .map(t -> new Evidence(
                        "调研活动",
                        t.getId(),
                        t.date(),
                        t.place() + " · " + byId.get(t.investigationId()).theme(),
                        "参加：" + t.participantIds().stream().map(names::get).collect(Collectors.joining("、")),
                        null,
                        "/investigations/" + t.investigationId() + "#trip-" + t.getId()))
                .toList();
    }

    /** Held sessions of format 现场教学 and the field trips of members, by date. */
    private FigureResult fieldwork(OrgRef org, int year) {
        List<Evidence> evidence = new ArrayList<>();
        for (SessionSummary s : held(org, year)) {
            if (s.format() == SessionFormat.ON_SITE) {
                evidence.add(new Evidence(
                        "集中学习", s.id(), s.date(), s.title(), s.format().label(), null, "/sessions/" + s.id()));
            }
        }
        evidence.addAll(trips(org, year, true));
        evidence.sort(Comparator.comparing(Evidence::date));
        return FigureResult.count(evidence);
    }

    private List<Evidence> reportEvidence(OrgRef org, int year) {
        Map<Long, Investigation> byId = investigationsById(org, year);
        if (byId.isEmpty()) {
            return List.of();
        }
        List<InvestigationReport> list = reports.findByInvestigationIdInOrderByIdAsc(byId.keySet());
        Map<Long, String> names = orgs.names(
                list.stream().flatMap(r -> r.authorIds().stream()).distinct().toList());
        return list.stream()
                .map(r -> reportEvidence(r, byId.get(r.investigationId()), names))
                .toList();
    }

    private static Evidence reportEvidence(InvestigationReport r, Investigation i, Map<Long, String> names) {
        return new Evidence(
                "调研报告",
                r.getId(),
                null,
                "《" + r.title() + "》",
                "领域：" + r.field() + " · 作者："
                        + r.authorIds().stream().map(names::get).collect(Collectors.joining("、")),
                null,
                "/investigations/" + i.getId() + "#report-" + r.getId());
    }

    /**
     * The field of the year's 专题调研报告: the report the clerk chose, else the first of the finished selection;
     * no value while there is neither.
     */
    private FigureResult highlightField(OrgRef org, int year) {
        Map<Long, Investigation> byId = investigationsById(org, year);
        if (byId.isEmpty()) {
            return FigureResult.text(null, List.of());
        }
        List<InvestigationReport> list = reports.findByInvestigationIdInOrderByIdAsc(byId.keySet());
        Optional<InvestigationReport> best =
                list.stream().filter(InvestigationReport::chosen).findFirst();
        String how = "选定的专题调研报告";
        if (best.isEmpty()) {
            Map<Long, InvestigationReport> reportsById =
                    list.stream().collect(Collectors.toMap(InvestigationReport::getId, Function.identity()));
            best = selections
                    .findByOrgIdAndYear(org.id(), year)
                    .filter(Selection::isFinished)
                    .flatMap(s -> s.results().stream()
                            .filter(r -> r.ranking() == 1)
                            .map(r -> reportsById.get(r.reportId()))
                            .filter(Objects::nonNull)
                            .findFirst());
            how = "优秀调研报告评选第一名";
        }
        if (best.isEmpty()) {
            return FigureResult.text(null, List.of());
        }
        InvestigationReport report = best.get();
        Evidence evidence =
                reportEvidence(report, byId.get(report.investigationId()), orgs.names(List.copyOf(report.authorIds())));
        return FigureResult.text(
                report.field(),
                List.of(new Evidence(
                        evidence.type(),
                        evidence.id(),
                        evidence.date(),
                        evidence.title(),
                        how + " · " + evidence.detail(),
                        null,
                        evidence.url())));
    }

    private List<SessionSummary> held(OrgRef org, int year) {
        return sessions.sessions(org.id(), year).stream()
                .filter(s -> s.status() == SessionStatus.HELD)
                .toList();
    }

    private Map<Long, Investigation> investigationsById(OrgRef org, int year) {
        return investigations.findByOrgIdAndYearOrderByIdAsc(org.id(), year).stream()
                .collect(Collectors.toMap(Investigation::getId, Function.identity()));
    }
}
