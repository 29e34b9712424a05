package cn.studyledger.report;

import cn.studyledger.report.domain.AnnualReportService;
import org.springframework.stereotype.Service;

/**
 * The annual report for other modules (the upward submission pack, the year's archive): the same document the
 * report pages and API give, with the same permission and data-scope checks.
 */
@Service
public class ReportApi {

    private final AnnualReportService reports;

    ReportApi(AnnualReportService reports) {
        this.reports = reports;
    }

    /** The organisation's annual report of the year as .docx (the final version once there is one). */
    public byte[] annualReportDocx(String orgCode, int year) {
        return reports.docx(orgCode, year);
    }
}
