package cn.studyledger.report.web;

import cn.studyledger.common.web.Downloads;
import cn.studyledger.report.Evidence;
import cn.studyledger.report.FigureView;
import cn.studyledger.report.domain.AnnualReportService;
import cn.studyledger.report.domain.FigureService;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Figures, their evidence and the annual report, under {@code /api/v1/orgs/{orgCode}/years/{year}}. */
@RestController
@RequestMapping("/api/v1/orgs/{orgCode}/years/{year}")
class ReportRestController {

    private final FigureService figures;
    private final AnnualReportService reports;

    ReportRestController(FigureService figures, AnnualReportService reports) {
        this.figures = figures;
        this.reports = reports;
    }

    @GetMapping("/figures")
    List<FigureView> figures(@PathVariable String orgCode, @PathVariable int year) {
        return figures.figures(orgCode, year);
    }

    @GetMapping("/figures/{key}/evidence")
    List<Evidence> evidence(@PathVariable String orgCode, @PathVariable int year, @PathVariable String key) {
        return figures.evidence(orgCode, year, key);
    }

    @GetMapping("/report.docx")
    ResponseEntity<byte[]> report(@PathVariable String orgCode, @PathVariable int year) {
        return Downloads.document(
                reports.docx(orgCode, year), Downloads.DOCX, orgCode + "-" + year + "年度中心组学习情况报告.docx");
    }
}
