package cn.studyledger.research.domain;

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

        ResearchTopic review = topic(
                bureau,
                "“十四五”生态环境保护规划目标完成情况评估与短板分析",
                "推动“十四五”规划目标任务全面收官",
                people.get("王建国"),
                "对照规划确定的约束性指标逐项评估，找准短板弱项，提出补短板的对策。",
                byDate,
                "2025-07-10");
        ResearchTopic nextPlan = topic(
                bureau,
                "本局“十五五”生态环境保护规划编制思路研究",
                "高质量编制“十五五”生态环境保护规划",
                people.get("李明华"),
                "围绕减污降碳协同增效、美丽中国先行区建设，研究“十五五”规划的目标体系和重大工程。",
                byDate,
                "2025-11-13");
        ResearchTopic river = topic(
                bureau, "重点流域水生态环境治理长效机制研究", "坚决打好碧水保卫战", people.get("杨丽"), null, byDate, "2025-07-10", "2025-11-13");

        adopted(
                recommend(review, "建立规划目标任务季度调度机制，对进度滞后的指标挂图作战、销号管理", people.get("王建国"), "2025-07-10"),
                "印发《“十四五”规划目标任务季度调度工作机制》，滞后指标实行清单化管理",
                "X局发〔2025〕12号",
                "2025-08-05",
                today);
        adopted(
                recommend(review, "将PM2.5浓度控制目标分解到各县区，纳入年度目标责任考核", people.get("张伟"), "2025-07-10"),
                "出台《2025年大气污染防治目标责任考核办法》，目标分解到县区",
                "X局发〔2025〕15号",
                "2025-08-28",
                today);
        rejected(
                recommend(review, "设立规划实施评估第三方专家咨询库", people.get("陈志强"), "2025-07-10"),
                "已纳入上级部门统一建设的生态环境专家库，不再另行建库",
                "2025-08-20",
                today);
        recommend(review, "开展“十四五”规划实施情况公众满意度调查", people.get("刘芳"), "2025-07-10");

        adopted(
                recommend(nextPlan, "“十五五”规划设立减污降碳协同增效专章，明确协同控制指标", people.get("李明华"), "2025-11-13"),
                "《“十五五”生态环境保护规划编制工作方案》增设减污降碳协同增效专章",
                "X局办〔2025〕31号",
                "2025-12-05",
                today);
        recommend(nextPlan, "规划编制同步开展生态环境重大项目谋划和储备", people.get("赵磊"), "2025-11-13");
        recommend(nextPlan, "抽调青年干部组建规划编制工作专班，在实践中培养锻炼", people.get("孙海燕"), "2025-11-13");

        adopted(
                recommend(river, "建立重点流域上下游横向生态保护补偿机制", people.get("杨丽"), "2025-07-10"),
                "制定《重点流域上下游横向生态保护补偿实施方案》",
                "X局发〔2025〕21号",
                "2025-10-15",
                today);
        rejected(
                recommend(river, "对全部入河排污口一次性实施在线监控全覆盖", people.get("周文斌"), "2025-11-13"),
                "一次性全覆盖所需投资超出年度预算，改为对重点排污口分批实施在线监控",
                "2025-12-10",
                today);

        List<Long> youth = orgs.activePeople(bureau.id()).stream()
                .filter(PersonRef::youthCadre)
                .map(PersonRef::id)
                .toList();
        Investigation air = investigation(
                bureau,
                "大气污染联防联控与重点行业深度治理",
                people.get("张伟"),
                List.of(people.get("陈志强"), people.get("赵磊"), youth.get(0)),
                "摸清重点行业超低排放改造进展，查找联防联控机制的堵点。");
        Investigation water = investigation(
                bureau,
                "重点流域水生态保护修复",
                people.get("杨丽"),
                List.of(people.get("孙海燕"), people.get("周文斌"), youth.get(1)),
                "掌握重点流域水生态状况，研究保护修复和生态补偿的举措。");
        Investigation waste = investigation(
                bureau,
                "固体废物治理与基层生态环境执法效能",
                people.get("李明华"),
                List.of(people.get("刘芳"), people.get("陈志强"), youth.get(2)),
                "调研固体废物收集处置短板和基层执法力量配置、执法效能情况。");

        trip(
                air,
                "2025-04-22",
                "某县工业园区",
                List.of(people.get("张伟"), people.get("赵磊"), youth.get(0)),
                "园区VOCs治理设施运行不稳定，部分企业在线监测数据异常，需加强监管。",
                today);
        trip(
                air,
                "2025-06-12",
                "某钢铁公司超低排放改造现场",
                List.of(people.get("张伟"), people.get("陈志强")),
                "超低排放改造已完成有组织排放部分，无组织排放管控仍有差距。",
                today);
        trip(
                air,
                "2025-09-09",
                "市空气质量自动监测站",
                List.of(people.get("赵磊"), youth.get(0)),
                "监测站点布局需随城市扩展优化，数据联网共享机制有待完善。",
                today);
        trip(
                water,
                "2025-05-20",
                "某河流域上游三县",
                List.of(people.get("杨丽"), people.get("孙海燕"), youth.get(1)),
                "上游农业面源污染突出，上下游治理责任和补偿机制尚未建立。",
                today);
        trip(
                water,
                "2025-08-14",
                "某湖国家湿地公园",
                List.of(people.get("杨丽"), people.get("周文斌")),
                "湿地保护成效明显，但周边生活污水收集率偏低。",
                today);
        trip(
                waste,
                "2025-03-18",
                "市固体废物处置中心",
                List.of(people.get("李明华"), people.get("刘芳"), youth.get(2)),
                "危险废物处置能力总体够用，一般工业固废综合利用率偏低。",
                today);
        trip(
                waste,
                "2025-10-21",
                "局生态环境执法总队及两个基层执法大队",
                List.of(people.get("李明华"), people.get("陈志强")),
                "基层执法人员不足、装备老化，非现场执法手段应用不充分。",
                today);

        InvestigationReport airReport =
                report(air, "关于深化重点行业大气污染深度治理的调研报告", "大气污染防治", List.of(people.get("张伟"), people.get("赵磊")));
        InvestigationReport waterReport =
                report(water, "关于重点流域水生态保护修复的调研报告", "水生态保护", List.of(people.get("杨丽"), people.get("孙海燕")));
        InvestigationReport wasteReport = report(waste, "关于提升固体废物规范化处置水平的调研报告", "固体废物治理", List.of(people.get("刘芳")));
        InvestigationReport lawReport =
                report(waste, "关于提升基层生态环境执法效能的调研报告", "生态环境执法", List.of(people.get("李明华"), people.get("陈志强")));

        selection(
                bureau,
                people,
                Map.of(
                        waterReport, new int[][] {{92, 90, 93, 88}, {90, 92, 91, 89}, {94, 91, 92, 90}},
                        airReport, new int[][] {{88, 86, 87, 85}, {86, 88, 85, 87}, {87, 85, 88, 86}},
                        lawReport, new int[][] {{84, 83, 85, 82}, null, {83, 85, 84, 81}},
                        wasteReport, new int[][] {{80, 82, 81, 79}, {81, 80, 83, 78}, null}),
                Map.of(
                        waterReport.getId(), Award.FIRST,
                        airReport.getId(), Award.SECOND,
                        lawReport.getId(), Award.THIRD,
                        wasteReport.getId(), Award.EXCELLENT));
    }

    private ResearchTopic topic(
            OrgRef bureau,
            String title,
            String keyTask,
            long lead,
            String summary,
            Map<LocalDate, SessionSummary> byDate,
            String... discussedOn) {
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

    private void adopted(Recommendation r, String measure, String documentNo, String adoptedOn, LocalDate today) {
        r.adopt(measure, documentNo, LocalDate.parse(adoptedOn), today);
    }

    private void rejected(Recommendation r, String reason, String decidedOn, LocalDate today) {
        r.reject(reason, LocalDate.parse(decidedOn), today);
    }

    private Investigation investigation(OrgRef bureau, String theme, long lead, List<Long> members, String purpose) {
        Investigation investigation = new Investigation(bureau.id());
        investigation.describe(2025, theme, lead, members, purpose, Set.of());
        return investigations.save(investigation);
    }

    private void trip(
            Investigation investigation,
            String date,
            String place,
            List<Long> participants,
            String findings,
            LocalDate today) {
        FieldTrip trip = new FieldTrip(investigation.orgId(), investigation.getId());
        trip.describe(LocalDate.parse(date), place, findings, participants, investigation.year(), today);
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
     * The finished selection. Scores are given per report in the order of the judges 王建国, 李明华, 刘芳 and the
     * criteria; null where the judge wrote the report.
     */
    private void selection(
            OrgRef bureau,
            Map<String, Long> people,
            Map<InvestigationReport, int[][]> scores,
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
        for (Map.Entry<InvestigationReport, int[][]> entry : scores.entrySet()) {
            InvestigationReport report = entry.getKey();
            for (int j = 0; j < judges.size(); j++) {
                int[] row = entry.getValue()[j];
                if (row == null) {
                    continue;
                }
                selection.checkMayScore(judges.get(j), report.title(), report.authorIds());
                Map<Long, Integer> byCriterion = new HashMap<>();
                for (int c = 0; c < criteria.size(); c++) {
                    byCriterion.put(criteria.get(c).id(), row[c]);
                }
                ScoreSheet sheet = new ScoreSheet(selection.getId(), report.getId(), judges.get(j));
                sheet.record(criteria, byCriterion, null);
                given.add(sheets.save(sheet));
            }
        }
        List<Ranking.Candidate> candidates = scores.keySet().stream()
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
