package cn.studyledger.report.domain;

import cn.studyledger.common.SaveNotes;
import cn.studyledger.common.events.StudyYearChanged;
import cn.studyledger.figure.Period;
import cn.studyledger.report.ReportStatus;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever saves a record of a year whose annual report is final (its latest revision) that the report keeps
 * its frozen figures, so they will now differ from the records; the report page lists the differences. Listens
 * synchronously to every module's {@link StudyYearChanged}, so the note reaches the success message of the same
 * post, whichever form it came from.
 */
@Component
class FinalYearNotice {

    private final AnnualReportRepository reports;

    FinalYearNotice(AnnualReportRepository reports) {
        this.reports = reports;
    }

    @EventListener
    void on(StudyYearChanged change) {
        // the year's report and its half-year report: a final one keeps figures the change may now contradict
        java.util.Arrays.stream(Period.Part.values())
                .map(part -> new Period(change.year(), part))
                .filter(period -> reports.current(change.orgId(), period)
                        .filter(r -> r.status() == ReportStatus.FINAL)
                        .isPresent())
                .findFirst()
                .ifPresent(period -> SaveNotes.add(
                        "report.flash.finalYear", period.wholeYear() ? period.year() + "年度" : period.label()));
    }
}
