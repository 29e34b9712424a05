package cn.studyledger.research.domain;

import cn.studyledger.common.demo.DemoRow;
import cn.studyledger.common.demo.DemoTable;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.research.Award;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AgendaSummary;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionSummary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo year of research and investigation for X局: three research topics discussed in the sessions of
 * 2025-07-10 and 2025-11-13 with nine recommendations (four adopted, two not adopted, three pending), three
 * investigations with seven field trips and four reports, and the finished selection judged by 王建国, 李明华 and
 * 刘芳 (none of them scoring a report of their own).
 */
@Component
@Profile("demo")
@Order(60)
class ResearchDemoData implements ApplicationRunner {

    private final TopicRepository topics;
    private final RecommendationRepository recommendations;
    private final InvestigationRepository investigations;
    private final TripRepository trips;
    private final ReportRepository reports;
    private final SelectionRepository selections;
    private final ScoreSheetRepository sheets;
    private final SessionApi sessions;
    private final OrgApi orgs;
    private final FileStore files;
    private final Clock clock;

    /** How the tables name the N-th youth cadre of the bureau, as the directory lists them: {@code youth 1}. */
    private static final String YOUTH = "youth ";

    ResearchDemoData(
            TopicRepository topics,
            RecommendationRepository recommendations,
            InvestigationRepository investigations,
            TripRepository trips,
            ReportRepository reports,
            SelectionRepository selections,
            ScoreSheetRepository sheets,
            SessionApi sessions,
            OrgApi orgs,
            FileStore files,
            Clock clock) {
        this.topics = topics;
        this.recommendations = recommendations;
        this.investigations = investigations;
        this.trips = trips;
        this.reports = reports;
        this.selections = selections;
        this.sheets = sheets;
        this.sessions = sessions;
        this.orgs = orgs;
        this.files = files;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null || topics.countByOrgId(bureau.id()) > 0 || investigations.countByOrgId(bureau.id()) > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> people = orgs.activePeople(bureau.id()).stream()
                .collect(Collectors.toMap(PersonRef::name, PersonRef::id, (a, b) -> a));
        Map<LocalDate, SessionSummary> byDate = sessions.sessions(bureau.id(), 2025).stream()
                .collect(Collectors.toMap(SessionSummary::date, Function.identity(), (a, b) -> a));

        Map<String, ResearchTopic> topicsByKey = new HashMap<>();
        for (DemoRow row : DemoTable.read("research/topics.txt")) {
            topicsByKey.put(
                    row.text("key"),
                    topic(
                            bureau,
                            row.text("title"),
                            row.text("keyTask"),
                            people.get(row.text("lead")),
                            row.text("summary"),
                            byDate,
                            row.list("discussedOn")));
        }
        for (DemoRow row : DemoTable.read("research/recommendations.txt")) {
            Recommendation r = recommend(
                    topicsByKey.get(row.text("topic")),
                    row.text("content"),
                    people.get(row.text("proposer")),
                    row.text("proposedOn"));
            if ("ADOPTED".equals(row.text("outcome"))) {
                r.adopt(row.text("note"), row.text("documentNo"), row.date("decidedOn"), today);
            } else if ("REJECTED".equals(row.text("outcome"))) {
                r.reject(row.text("note"), row.date("decidedOn"), today);
            }
        }

        List<Long> youth = orgs.activePeople(bureau.id()).stream()
                .filter(PersonRef::youthCadre)
                .map(PersonRef::id)
                .toList();
        Function<List<String>, List<Long>> ids = names -> names.stream()
                .map(name -> name.startsWith(YOUTH)
                        ? youth.get(Integer.parseInt(name.substring(YOUTH.length())) - 1)
                        : people.get(name))
                .toList();
        Map<String, Investigation> investigationsByKey = new HashMap<>();
        for (DemoRow row : DemoTable.read("research/investigations.txt")) {
            investigationsByKey.put(
                    row.text("key"),
                    investigation(
                            bureau,
                            row.text("theme"),
                            people.get(row.text("lead")),
                            ids.apply(row.list("members")),
                            row.text("purpose")));
        }
        for (DemoRow row : DemoTable.read("research/trips.txt")) {
            trip(
                    investigationsByKey.get(row.text("investigation")),
                    row.date("date"),
                    row.text("place"),
                    ids.apply(row.list("participants")),
                    row.text("findings"),
                    today);
        }
        Map<String, InvestigationReport> reportsByKey = new LinkedHashMap<>();
        Map<Long, Award> awards = new HashMap<>();
        for (DemoRow row : DemoTable.read("research/reports.txt")) {
            InvestigationReport report = report(
                    investigationsByKey.get(row.text("investigation")),
                    row.text("title"),
                    row.text("field"),
                    ids.apply(row.list("authors")));
            reportsByKey.put(row.text("key"), report);
            awards.put(report.getId(), row.kind("award", Award.class));
        }
        selection(bureau, people, reportsByKey, awards);
    }

    private ResearchTopic topic(
            OrgRef bureau,
            String title,
            String keyTask,
            long lead,
            String summary,
            Map<LocalDate, SessionSummary> byDate,
            List<String> discussedOn) {
        ResearchTopic topic = new ResearchTopic(bureau.id());
        topic.describe(2025, title, keyTask, lead, summary);
        for (String date : discussedOn) {
            SessionSummary session = byDate.get(LocalDate.parse(date));
            if (session == null) {
                continue;
            }
            sessions.agenda(session.id()).stream()
                    .filter(a -> a.kind() == AgendaKind.RESEARCH_TOPIC)
                    .map(AgendaSummary::id)
                    .findFirst()
                    .ifPresent(agendaId -> topic.discussedIn(session.id(), agendaId, session.date()));
        }
        return topics.save(topic);
    }

    private Recommendation recommend(ResearchTopic topic, String content, long proposer, String proposedOn) {
        return recommendations.save(
                new Recommendation(topic.orgId(), topic.getId(), content, proposer, LocalDate.parse(proposedOn)));
    }

    private Investigation investigation(OrgRef bureau, String theme, long lead, List<Long> members, String purpose) {
        Investigation investigation = new Investigation(bureau.id());
        investigation.describe(2025, theme, lead, members, purpose, Set.of());
        return investigations.save(investigation);
    }

    private void trip(
            Investigation investigation,
            LocalDate date,
            String place,
            List<Long> participants,
            String findings,
            LocalDate today) {
        FieldTrip trip = new FieldTrip(investigation.orgId(), investigation.getId());
        trip.describe(date, place, findings, participants, investigation.year(), today);
        trips.save(trip);
    }

    private InvestigationReport report(Investigation investigation, String title, String field, List<Long> authors) {
        InvestigationReport report = new InvestigationReport(investigation.orgId(), investigation.getId());
        report.describe(title, field, authors, false);
        String text = title + "\n\n一、基本情况\n二、存在的主要问题\n三、对策建议\n（" + field + "领域专题调研）\n";
        report.attach(files.store(
                        title + ".txt",
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        FileKind.DOCUMENTS)
                .id());
        return reports.save(report);
    }

    /**
     * The finished selection judged by 王建国, 李明华 and 刘芳 with the score sheets of research/scores.txt; a judge
     * has no sheet for a report of their own.
     */
    private void selection(
            OrgRef bureau,
            Map<String, Long> people,
            Map<String, InvestigationReport> reportsByKey,
            Map<Long, Award> awards) {
        List<Long> judges = List.of(people.get("王建国"), people.get("李明华"), people.get("刘芳"));
        Selection selection = new Selection(bureau.id(), 2025);
        SelectionCommand defaults = SelectionCommand.defaults(2025);
        selection.configure(
                defaults.title(),
                defaults.criteria().stream()
                        .map(c -> new Selection.CriterionLine(c.name(), c.weight()))
                        .toList(),
                judges,
                Set.of());
        selections.saveAndFlush(selection);
        List<Ranking.Criterion> criteria = selection.weights();
        List<ScoreSheet> given = new ArrayList<>();
        for (DemoRow row : DemoTable.read("research/scores.txt")) {
            InvestigationReport report = reportsByKey.get(row.text("report"));
            long judge = people.get(row.text("judge"));
            selection.checkMayScore(judge, report.title(), report.authorIds());
            List<String> scores = row.list("scores");
            Map<Long, Integer> byCriterion = new HashMap<>();
            for (int c = 0; c < criteria.size(); c++) {
                byCriterion.put(criteria.get(c).id(), Integer.parseInt(scores.get(c)));
            }
            ScoreSheet sheet = new ScoreSheet(selection.getId(), report.getId(), judge);
            sheet.record(criteria, byCriterion, null);
            given.add(sheets.save(sheet));
        }
        List<Ranking.Candidate> candidates = reportsByKey.values().stream()
                .sorted(java.util.Comparator.comparing(InvestigationReport::getId))
                .map(r -> new Ranking.Candidate(r.getId(), r.title(), Set.copyOf(r.authorIds())))
                .toList();
        List<Ranking.Sheet> all = given.stream().map(ScoreSheet::toSheet).toList();
        selection.finish(
                Ranking.rank(criteria, candidates, Set.copyOf(judges), all),
                Ranking.missing(candidates, Set.copyOf(judges), all).size(),
                awards,
                LocalDate.of(2025, 12, 20));
    }
}
