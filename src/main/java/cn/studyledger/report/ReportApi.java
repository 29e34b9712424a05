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

    /**
     * The organisation's annual report of the year as .docx: the latest final revision (from its frozen figures)
     * once there is one, else the current draft, else the default template filled with the current figures.
     */
    public byte[] annualReportDocx(String orgCode, int year) {
        return reports.docx(orgCode, year);
    }

    /** The latest final revision of the report of the period with its frozen figures, if there is one. */
    public java.util.Optional<FinalReport> finalReport(String orgCode, cn.studyledger.figure.Period period) {
        return reports.finalReport(orgCode, period);
    }
}
