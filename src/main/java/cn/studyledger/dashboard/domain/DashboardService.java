package cn.studyledger.dashboard.domain;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.dashboard.domain.Chart.Datum;
import cn.studyledger.dashboard.domain.Chart.Series;
import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureApi;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.firsttopic.FirstTopicApi;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.Finding;
import cn.studyledger.report.FindingSource;
import cn.studyledger.research.AdoptionSummary;
import cn.studyledger.research.ResearchApi;
import cn.studyledger.session.AttendeeRole;
import cn.studyledger.session.Participation;
import cn.studyledger.session.PersonSessionRecord;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.supervision.SupervisionApi;
import cn.studyledger.supervision.VisitSummary;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard (统计图表) of the working organisation and year: the annual report's figures as tiles and the
 * charts of the year, every value linked to the records behind it. Wherever a figure already has the records, the
 * chart is built from that figure's evidence, so a chart and its figure agree by construction (sessions per month
 * add up to {@code sessions.collective}, hours per member to {@code selfstudy.hours}). Readable by whoever may see
 * the organisation and holds {@code dashboard:chart:view}; 404 for an organisation out of sight.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    static final String READ = "hasAuthority('" + Permissions.DASHBOARD_VIEW + "')";

    /** The report's headline figures, shown first and in this order; the other numeric figures follow. */
    static final List<String> HEADLINE = List.of(
            "sessions.collective",
            "sessions.discussion",
            "firsttopic.sessions",
            "firsttopic.items",
            "attendance.rate",
            "attendance.presentRate",
            "selfstudy.hours",
            "writings.count",
            "lectures.count",
            "materials.issues",
            "research.recommendations",
            "research.adopted",
            "supervision.visits",
            "supervision.coverage",
            "firsttopic.closureRate",
            "firsttopic.medianLagDays");

    static final String NO_RULES = "规则检查尚未启用";

    private final OrgApi orgs;
    private final FigureApi figures;
    private final SessionApi sessions;
    private final FirstTopicApi firstTopic;
    private final ResearchApi research;
    private final SupervisionApi supervision;
    private final ObjectProvider<FindingSource> findingSources;
    private final RollupService rollups;

    DashboardService(
            OrgApi orgs,
            FigureApi figures,
            SessionApi sessions,
            FirstTopicApi firstTopic,
            ResearchApi research,
            SupervisionApi supervision,
            ObjectProvider<FindingSource> findingSources,
            RollupService rollups) {
        this.orgs = orgs;
        this.figures = figures;
        this.sessions = sessions;
        this.firstTopic = firstTopic;
        this.research = research;
        this.supervision = supervision;
        this.findingSources = findingSources;
        this.rollups = rollups;
    }

    @PreAuthorize(READ)
    public Dashboard dashboard(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        Map<String, FigureApi.Figure> all = new LinkedHashMap<>();
        for (FigureDefinition d : ordered()) {
            all.put(d.key(), figures.figure(org.code(), year, d.key()));
        }
        List<Dashboard.Tile> tiles = new ArrayList<>();
        for (FigureApi.Figure f : all.values()) {
            boolean numeric = f.definition().kind() != Kind.TEXT
                    || f.result().value() instanceof Number
                    || HEADLINE.contains(f.definition().key());
            if (numeric) {
                tiles.add(tile(f));
            }
        }
        List<Chart> charts = new ArrayList<>();
        charts.add(sessionsByMonth(result(all, "sessions.collective")));
        List<GroupMember> members = orgs.members(org.id(), year);
        charts.add(attendanceByMember(org, year, members));
        charts.add(hoursByMember(members, all.get("selfstudy.hours")));
        charts.add(firstTopicClosure(result(all, "firsttopic.closureRate")));
        charts.add(firstTopicLag(all.get("firsttopic.medianLagDays")));
        charts.add(recommendationFunnel(org, year));
        charts.add(coverageByUnit(org, year, result(all, "supervision.coverage")));
        charts.add(findings(org.code(), year));
        return new Dashboard(org.code(), org.name(), year, tiles, charts);
    }

    /**
     * The held sessions of the year behind {@code sessions.collective}, optionally only those of one month and one
     * format: the records behind one segment of the sessions-per-month chart.
     */
    @PreAuthorize(READ)
    public List<Evidence> heldSessions(String orgCode, int year, Integer month, SessionFormat format) {
        OrgRef org = orgs.requireReadable(orgCode);
        return figureResult(org.code(), year, "sessions.collective")
                .map(FigureResult::evidence)
                .orElse(List.of())
                .stream()
                .filter(e -> month == null || (e.date() != null && e.date().getMonthValue() == month))
                .filter(e -> format == null || format.label().equals(e.detail()))
                .toList();
    }

    /** The findings of the rule checks of the organisation and year; empty while no rules module is present. */
    @PreAuthorize(READ)
    public Optional<List<Finding>> findingsOf(String orgCode, int year) {
        List<FindingSource> sources = findingSources.orderedStream().toList();
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        List<Finding> found = new ArrayList<>();
        sources.forEach(s -> found.addAll(s.findings(orgCode, year)));
        return Optional.of(found);
    }

    /**
     * The superior's charts across the organisation and its subordinate units, from the roll-up: each bar is the
     * unit's own figure and opens that unit's evidence. Outside a transaction, as the roll-up itself: no connection
     * is held while the roll-up's statements run on the tally executor.
     */
    @PreAuthorize(RollupService.READ)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Dashboard rollupCharts(String orgCode, int year) {
        Rollup rollup = rollups.rollup(orgCode, year, ROLLUP_KEYS);
        List<String> names = rollup.rows().stream().map(Rollup.Row::orgName).toList();
        List<Chart> charts = new ArrayList<>();
        rollupChart(rollup, "sessions.collective", "rollup-sessions", "各单位集体学习次数", "次")
                .ifPresent(charts::add);
        rollupChart(rollup, "attendance.rate", "rollup-attendance", "各单位中心组成员参学率", "%")
                .ifPresent(charts::add);
        int proposed = column(rollup, "research.recommendations");
        int adopted = column(rollup, "research.adopted");
        if (proposed >= 0 && adopted >= 0) {
            List<Datum> data = new ArrayList<>();
            for (Rollup.Row row : rollup.rows()) {
                Rollup.Cell p = row.cells().get(proposed);
                Rollup.Cell a = row.cells().get(adopted);
                long n = ((Number) p.value()).longValue();
                data.add(new Datum(
                        n == 0 ? null : RollupService.percent(((Number) a.value()).longValue(), n), opens(row, a)));
            }
            charts.add(new Chart(
                    "rollup-adoption",
                    "各单位对策建议采纳率",
                    "bar",
                    "%",
                    names,
                    List.of(new Series("采纳率", data)),
                    "采纳率 = 已采纳转化 / 提出对策建议；没有对策建议的单位不计。",
                    50));
        }
        rollupChart(rollup, "supervision.coverage", "rollup-coverage", "各单位对下级单位列席旁听覆盖率", "%")
                .ifPresent(charts::add);
        charts.add(rollupFindings(rollup, year));
        return new Dashboard(rollup.orgCode(), rollup.orgName(), year, List.of(), charts);
    }

    static final List<String> ROLLUP_KEYS = List.of(
            "sessions.collective",
            "attendance.rate",
            "research.recommendations",
            "research.adopted",
            "supervision.coverage");

    private static int column(Rollup rollup, String key) {
        for (int i = 0; i < rollup.columns().size(); i++) {
            if (rollup.columns().get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Chart> rollupChart(Rollup rollup, String key, String id, String title, String unit) {
        int c = column(rollup, key);
        if (c < 0) {
            return Optional.empty();
        }
        List<Datum> data = new ArrayList<>();
        for (Rollup.Row row : rollup.rows()) {
            Rollup.Cell cell = row.cells().get(c);
            data.add(new Datum((Number) cell.value(), opens(row, cell)));
        }
        Rollup.Cell total = rollup.total().cells().get(c);
        String note = "合计 " + display(total.value(), total.isRate())
                + (total.isRate() ? "（" + total.numerator() + " / " + total.denominator() + "）" : " " + unit)
                + "；点击查看该单位的依据记录。";
        return Optional.of(new Chart(
                id,
                title,
                "bar",
                unit,
                rollup.rows().stream().map(Rollup.Row::orgName).toList(),
                List.of(new Series(rollup.columns().get(c).label(), data)),
                note,
                null));
    }

    private Chart rollupFindings(Rollup rollup, int year) {
        List<FindingSource> sources = findingSources.orderedStream().toList();
        List<String> names = rollup.rows().stream().map(Rollup.Row::orgName).toList();
        if (sources.isEmpty()) {
            return new Chart("rollup-findings", "各单位规则检查问题数", "bar", "项", List.of(), List.of(), NO_RULES, null);
        }
        List<Datum> data = new ArrayList<>();
        for (Rollup.Row row : rollup.rows()) {
            long n = 0;
            for (FindingSource source : sources) {
                n += source.findings(row.orgCode(), year).size();
            }
            data.add(new Datum(n, "/rules/findings"));
        }
        return new Chart(
                "rollup-findings", "各单位规则检查问题数", "bar", "项", names, List.of(new Series("问题", data)), null, null);
    }

    // ---- tiles ----

    private List<FigureDefinition> ordered() {
        return figures.definitions().stream()
                .sorted(Comparator.comparingInt((FigureDefinition d) ->
                        HEADLINE.contains(d.key()) ? HEADLINE.indexOf(d.key()) : HEADLINE.size()))
                .toList();
    }

    private static Dashboard.Tile tile(FigureApi.Figure f) {
        FigureDefinition d = f.definition();
        FigureResult r = f.result();
        boolean rate = d.kind() == Kind.RATE;
        return new Dashboard.Tile(
                d.key(),
                d.label(),
                display(r.value(), rate),
                rate ? "" : d.unit(),
                r.numerator(),
                r.denominator(),
                figurePage(d.key()));
    }

    /** The value as the figures page and the report print it; rates with their per cent sign. */
    static String display(Object value, boolean rate) {
        if (value == null) {
            return "【待补充】";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        return rate ? text + "%" : text;
    }

    static String figurePage(String key) {
        return "/figures/" + key;
    }

    // ---- charts ----

    /** Held sessions per month, stacked by format: exactly the evidence of {@code sessions.collective}. */
    private static Chart sessionsByMonth(FigureResult collective) {
        List<Evidence> held = collective == null ? List.of() : collective.evidence();
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(m + "月");
        }
        List<SessionFormat> formats = Arrays.stream(SessionFormat.values())
                .filter(f -> held.stream().anyMatch(e -> f.label().equals(e.detail())))
                .toList();
        if (formats.isEmpty()) {
            formats = List.of(SessionFormat.COLLECTIVE);
        }
        List<Series> series = new ArrayList<>();
        for (SessionFormat f : formats) {
            List<Datum> data = new ArrayList<>();
            for (int m = 1; m <= 12; m++) {
                int month = m;
                long n = held.stream()
                        .filter(e -> f.label().equals(e.detail())
                                && e.date() != null
                                && e.date().getMonthValue() == month)
                        .count();
                data.add(new Datum(n, "/dashboard/sessions?month=" + m + "&format=" + f.name()));
            }
            series.add(new Series(f.label(), data));
        }
        return new Chart(
                "sessions-by-month",
                "集体学习月度分布（按学习形式）",
                "stack",
                "次",
                months,
                series,
                "全年共 " + held.size() + " 次，与指标“集体学习次数”一致。",
                null);
    }

    /**
     * Each member's attendance at the held sessions of the year (as a member, not as 列席): present, on leave with
     * the make-up done or still open, absent, unrecorded.
     */
    private Chart attendanceByMember(OrgRef org, int year, List<GroupMember> members) {
        List<String> names = new ArrayList<>();
        List<List<Datum>> columns = new ArrayList<>();
        for (int i = 0; i < Participation.values().length; i++) {
            columns.add(new ArrayList<>());
        }
        boolean unrecorded = false;
        for (GroupMember m : members) {
            names.add(m.name());
            String url = personalRecord(m.personId());
            Map<Participation, Long> taken = sessions.personRecords(org.id(), year, m.personId()).stream()
                    .filter(s -> s.held() && s.role() == AttendeeRole.MEMBER)
                    .collect(Collectors.groupingBy(PersonSessionRecord::participation, Collectors.counting()));
            for (Participation p : Participation.values()) {
                columns.get(p.ordinal()).add(new Datum(taken.getOrDefault(p, 0L), url));
            }
            unrecorded |= taken.containsKey(Participation.UNRECORDED);
        }
        List<Series> series = new ArrayList<>();
        for (Participation p : Participation.values()) {
            if (p != Participation.UNRECORDED || unrecorded) {
                series.add(new Series(p.label(), columns.get(p.ordinal())));
            }
        }
        return new Chart(
                "attendance-by-member",
                "中心组成员参学情况",
                "stack",
                "次",
                names,
                series,
                "参学率 =（出席 + 请假已补学）/ 应参加次数；点击查看成员学习档案。",
                null);
    }

    /** Each member's self-study hours: their part of the figure {@code selfstudy.hours}. */
    private static Chart hoursByMember(List<GroupMember> members, FigureApi.Figure hours) {
        List<Evidence> entries = hours == null ? List.of() : hours.result().evidence();
        Map<Long, String> names = new LinkedHashMap<>();
        members.forEach(m -> names.put(m.personId(), m.name()));
        // entries of someone no longer in the list still count towards the figure, so they get a bar too
        entries.stream()
                .filter(e -> e.personId() != null)
                .forEach(e -> names.putIfAbsent(e.personId(), e.title().split(" · ")[0]));
        List<Datum> data = new ArrayList<>();
        for (long personId : names.keySet()) {
            Object sum = hours == null ? BigDecimal.ZERO : hours.about(personId).value();
            data.add(new Datum((BigDecimal) sum, selfStudyPage(personId)));
        }
        return new Chart(
                "hours-by-member",
                "成员个人自学学时",
                "bar",
                "学时",
                List.copyOf(names.values()),
                List.of(new Series("自学学时", data)),
                "合计 " + display(hours == null ? null : hours.result().value(), false) + " 学时，与指标“个人自学学时”一致。",
                null);
    }

    /** Follow-up tasks of the first topic due in the year: done on time, and the rest. */
    private static Chart firstTopicClosure(FigureResult closure) {
        long onTime = closure == null || closure.numerator() == null ? 0 : closure.numerator();
        long due = closure == null || closure.denominator() == null ? 0 : closure.denominator();
        return new Chart(
                "firsttopic-closure",
                "“第一议题”落实任务按期办结",
                "pie",
                "项",
                List.of("按期办结", "未按期办结或未办结"),
                List.of(new Series(
                        "落实任务",
                        List.of(
                                new Datum(onTime, figurePage("firsttopic.closureRate")),
                                new Datum(due - onTime, "/firsttopic/tasks")))),
                "按期办结率 " + display(closure == null ? null : closure.value(), true) + "（" + onTime + " / " + due + "）",
                null);
    }

    /** Days from publication to first study of each item first studied in the year, against the 30-day rule. */
    private static Chart firstTopicLag(FigureApi.Figure median) {
        List<String> items = new ArrayList<>();
        List<Datum> data = new ArrayList<>();
        for (Evidence item :
                median == null ? List.<Evidence>of() : median.result().evidence()) {
            items.add(item.title());
            data.add(new Datum(item.amount(), item.url()));
        }
        return new Chart(
                "firsttopic-lag",
                "“第一议题”学习时差（发布至首次学习）",
                "hbar",
                "天",
                items,
                List.of(new Series("时差", data)),
                "中位数 " + display(median == null ? null : median.result().value(), false) + " 天；红线为30天时限。",
                30);
    }

    /** Recommendations proposed in the year and what became of them. */
    private Chart recommendationFunnel(OrgRef org, int year) {
        AdoptionSummary a = research.adoption(org.id(), year);
        return new Chart(
                "recommendation-funnel",
                "对策建议转化情况",
                "funnel",
                "条",
                List.of("提出对策建议", "已采纳转化", "未采纳", "待定"),
                List.of(new Series(
                        "对策建议",
                        List.of(
                                new Datum(a.proposed(), figurePage("research.recommendations")),
                                new Datum(a.adopted(), figurePage("research.adopted")),
                                new Datum(a.notAdopted(), "/research"),
                                new Datum(a.pending(), "/research")))),
                "采纳率 " + display(a.rate(), true) + "（" + a.adopted() + " / " + a.proposed() + "）",
                null);
    }

    /** Each subordinate unit's visits of the year: completed, and planned but not yet completed. */
    private Chart coverageByUnit(OrgRef org, int year, FigureResult coverage) {
        List<OrgRef> units = orgs.children(org.id());
        List<VisitSummary> visits = supervision.visits(org.id(), year);
        List<String> names = new ArrayList<>();
        List<Datum> done = new ArrayList<>();
        List<Datum> open = new ArrayList<>();
        List<Datum> none = new ArrayList<>();
        for (OrgRef unit : units) {
            names.add(unit.name());
            List<VisitSummary> its =
                    visits.stream().filter(v -> v.unitOrgId() == unit.id()).toList();
            List<VisitSummary> completed =
                    its.stream().filter(v -> v.stage().isCompleted()).toList();
            List<VisitSummary> pending =
                    its.stream().filter(v -> !v.stage().isCompleted()).toList();
            String list = "/supervision?unit=" + URLEncoder.encode(unit.code(), StandardCharsets.UTF_8);
            done.add(new Datum(completed.size(), completed.size() == 1 ? visitPage(completed.get(0)) : list));
            open.add(new Datum(pending.size(), pending.size() == 1 ? visitPage(pending.get(0)) : list));
            none.add(new Datum(its.isEmpty() ? 1 : 0, list));
        }
        String note = units.isEmpty() || coverage == null || coverage.numerator() == null
                ? "本单位没有下级单位，不开展列席旁听。"
                : "已完成旁听的下级单位 " + coverage.numerator() + " / " + coverage.denominator()
                        + "（指标“列席旁听覆盖率”）；“未安排”表示本年度尚无旁听计划。";
        return new Chart(
                "coverage-by-unit",
                "下级单位列席旁听覆盖情况",
                "stack",
                "场",
                names,
                List.of(new Series("已完成旁听", done), new Series("已安排未完成", open), new Series("未安排", none)),
                note,
                null);
    }

    /** The rule findings, counted per rule; a note instead while no rules module supplies findings. */
    private Chart findings(String orgCode, int year) {
        Optional<List<Finding>> found = findingsOf(orgCode, year);
        if (found.isEmpty()) {
            return new Chart("rule-findings", "规则检查发现的问题", "hbar", "项", List.of(), List.of(), NO_RULES, null);
        }
        Map<String, Long> perRule = new LinkedHashMap<>();
        found.get().forEach(f -> perRule.merge(f.rule(), 1L, Long::sum));
        List<Datum> data = perRule.values().stream()
                .map(n -> new Datum(n, "/rules/findings"))
                .toList();
        return new Chart(
                "rule-findings",
                "规则检查发现的问题",
                "hbar",
                "项",
                List.copyOf(perRule.keySet()),
                List.of(new Series("问题", data)),
                found.get().isEmpty() ? "未发现问题。" : "共 " + found.get().size() + " 项问题。",
                null);
    }

    // ---- helpers ----

    private static FigureResult result(Map<String, FigureApi.Figure> all, String key) {
        FigureApi.Figure f = all.get(key);
        return f == null ? null : f.result();
    }

    private Optional<FigureResult> figureResult(String orgCode, int year, String key) {
        return figures.definition(key)
                .map(d -> figures.figure(orgCode, year, key).result());
    }

    static String personalRecord(long personId) {
        return "/records/" + personId;
    }

    static String selfStudyPage(long personId) {
        return "/selfstudy?person=" + personId;
    }

    private static String visitPage(VisitSummary v) {
        return "/supervision/visits/" + v.id();
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A bar opens the unit's records, or for a subordinate with units of its own, that subordinate's roll-up. */
    private static String opens(Rollup.Row row, Rollup.Cell cell) {
        return cell.url() != null ? cell.url() : row.drillDown();
    }
}
