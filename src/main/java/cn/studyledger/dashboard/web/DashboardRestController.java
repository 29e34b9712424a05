package cn.studyledger.dashboard.web;

import cn.studyledger.dashboard.domain.Dashboard;
import cn.studyledger.dashboard.domain.DashboardService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard as JSON under {@code /api/v1/orgs/{orgCode}/years/{year}}: the figure tiles and every chart's
 * categories and series, each value with the URL of the page of its records.
 */
@RestController
@RequestMapping("/api/v1/orgs/{orgCode}/years/{year}")
class DashboardRestController {

    private final DashboardService dashboards;

    DashboardRestController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/dashboard")
    Dashboard dashboard(@PathVariable String orgCode, @PathVariable int year) {
        return dashboards.dashboard(orgCode, year);
    }

    /** The superior's charts across the organisation and its subordinate units. */
    @GetMapping("/dashboard/rollup")
    Dashboard rollup(@PathVariable String orgCode, @PathVariable int year) {
        return dashboards.rollupCharts(orgCode, year);
    }
}
