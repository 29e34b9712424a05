package cn.studyledger.dashboard.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.dashboard.domain.Chart;
import cn.studyledger.dashboard.domain.Dashboard;
import cn.studyledger.dashboard.domain.DashboardService;
import cn.studyledger.session.SessionFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard (统计图表) of the working organisation and year, the records behind a segment of the sessions
 * chart, and the superior's charts across subordinate units. Each chart's data goes into the page as JSON in a
 * data attribute (no inline script: CSP), read by /assets/js/dashboard.js; the same numbers are in a table beside it.
 */
@Controller
class DashboardController {

    private final DashboardService dashboards;
    private final WorkContext context;
    private final JsonMapper json;

    DashboardController(DashboardService dashboards, WorkContext context, JsonMapper json) {
        this.dashboards = dashboards;
        this.context = context;
        this.json = json;
    }

    @GetMapping("/dashboard")
    @PreAuthorize("hasAuthority('" + Permissions.DASHBOARD_VIEW + "')")
    String dashboard(Model model) {
        Dashboard dashboard = dashboards.dashboard(context.requireOrgCode(), context.year());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("chartData", chartData(dashboard));
        return "dashboard/dashboard";
    }

    @GetMapping("/dashboard/sessions")
    @PreAuthorize("hasAuthority('" + Permissions.DASHBOARD_VIEW + "')")
    String sessions(
            @RequestParam(required = false) Integer month,
            @RequestParam(required = false) SessionFormat format,
            Model model) {
        model.addAttribute(
                "sessions", dashboards.heldSessions(context.requireOrgCode(), context.year(), month, format));
        model.addAttribute("month", month);
        model.addAttribute("format", format);
        return "dashboard/sessions";
    }

    @GetMapping("/dashboard/rollup")
    @PreAuthorize("hasAuthority('" + Permissions.ROLLUP_VIEW + "')")
    String rollup(Model model) {
        Dashboard dashboard = dashboards.rollupCharts(context.requireOrgCode(), context.year());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("chartData", chartData(dashboard));
        return "dashboard/rollup-charts";
    }

    private Map<String, String> chartData(Dashboard dashboard) {
        Map<String, String> data = new LinkedHashMap<>();
        for (Chart chart : dashboard.charts()) {
            data.put(chart.id(), json.writeValueAsString(chart));
        }
        return data;
    }
}
