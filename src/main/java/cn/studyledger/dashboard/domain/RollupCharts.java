package cn.studyledger.dashboard.domain;

import static cn.studyledger.dashboard.domain.DashboardService.NO_RULES;
import static cn.studyledger.dashboard.domain.DashboardService.display;

import cn.studyledger.dashboard.domain.Chart.Datum;
import cn.studyledger.dashboard.domain.Chart.Series;
import cn.studyledger.report.FindingSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The superior's charts across the organisation and its subordinate units, from the roll-up: each bar is the
 * unit's own figure and opens that unit's evidence (or, for a subordinate with units of its own, its roll-up).
 */
@Component
class RollupCharts {

    static final List<String> ROLLUP_KEYS = List.of(
            "sessions.collective",
            "attendance.rate",
            "research.recommendations",
            "research.adopted",
            "supervision.coverage");

    private final RollupService rollups;
    private final ObjectProvider<FindingSource> findingSources;

    RollupCharts(RollupService rollups, ObjectProvider<FindingSource> findingSources) {
        this.rollups = rollups;
        this.findingSources = findingSources;
    }

    Dashboard of(String orgCode, int year) {
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

    /** A bar opens the unit's records, or for a subordinate with units of its own, that subordinate's roll-up. */
    private static String opens(Rollup.Row row, Rollup.Cell cell) {
        return cell.url() != null ? cell.url() : row.drillDown();
    }
}
