package cn.studyledger.dashboard.domain;

import static cn.studyledger.dashboard.domain.DashboardService.NO_RULES;
import static cn.studyledger.dashboard.domain.DashboardService.display;
import static cn.studyledger.dashboard.domain.DashboardService.figurePage;

import cn.studyledger.dashboard.domain.Chart.Datum;
import cn.studyledger.dashboard.domain.Chart.Series;
import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureApi;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.Finding;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The charts of an organisation's year on the dashboard, each value linked to the records behind it. Wherever a
 * figure already has the records, the chart is built from that figure's evidence (sessions per month, hours per
 * member, first-topic lag), so a chart and its figure agree by construction; the others read the modules' APIs
 * (attendance per member, the recommendations, the visits of the subordinate units).
 */
@Component
class YearCharts {

    private final OrgApi orgs;
    private final SessionApi sessions;
    private final ResearchApi research;
    private final SupervisionApi supervision;

    YearCharts(OrgApi orgs, SessionApi sessions, ResearchApi research, SupervisionApi supervision) {
        this.orgs = orgs;
        this.sessions = sessions;
        this.research = research;
        this.supervision = supervision;
    }

    /** The year's charts in the dashboard's order, from its figures (by key) and the rule findings. */
    List<Chart> of(OrgRef org, int year, Map<String, FigureApi.Figure> figures, Optional<List<Finding>> found) {
        List<Chart> charts = new ArrayList<>();
        charts.add(sessionsByMonth(result(figures, "sessions.collective")));
        List<GroupMember> members = orgs.members(org.id(), year);
        charts.add(attendanceByMember(org, year, members));
        charts.add(hoursByMember(members, figures.get("selfstudy.hours")));
        charts.add(firstTopicClosure(result(figures, "firsttopic.closureRate")));
        charts.add(firstTopicLag(figures.get("firsttopic.medianLagDays")));
        charts.add(recommendationFunnel(org, year));
        charts.add(coverageByUnit(org, year, result(figures, "supervision.coverage")));
        charts.add(findings(found));
        return charts;
    }

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
                "参学率 =（出席 + 请假后按期补学）/ 应参加次数；逾期补学不计入。点击查看成员学习档案。",
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
    private static Chart findings(Optional<List<Finding>> found) {
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

    private static FigureResult result(Map<String, FigureApi.Figure> all, String key) {
        FigureApi.Figure f = all.get(key);
        return f == null ? null : f.result();
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
}
