package cn.studyledger.report.domain;

import cn.studyledger.figure.Period;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Report revisions of an organisation and year. */
interface AnnualReportRepository extends JpaRepository<AnnualReport, Long> {

    Optional<AnnualReport> findFirstByOrgIdAndReportYearAndPartOrderByRevisionDesc(
            long orgId, int reportYear, Period.Part part);

    Optional<AnnualReport> findByOrgIdAndReportYearAndPartAndRevision(
            long orgId, int reportYear, Period.Part part, int revision);

    Optional<AnnualReport> findFirstByOrgIdAndReportYearAndPartAndStatusOrderByRevisionDesc(
            long orgId, int reportYear, Period.Part part, cn.studyledger.report.ReportStatus status);

    List<AnnualReport> findByOrgIdAndReportYearAndPartOrderByRevisionDesc(long orgId, int reportYear, Period.Part part);

    /** The latest revision of the organisation's report of the period. */
    default Optional<AnnualReport> current(long orgId, Period period) {
        return findFirstByOrgIdAndReportYearAndPartOrderByRevisionDesc(orgId, period.year(), period.part());
    }

    default Optional<AnnualReport> revision(long orgId, Period period, int revision) {
        return findByOrgIdAndReportYearAndPartAndRevision(orgId, period.year(), period.part(), revision);
    }

    /** The organisation's report revisions in one status, whatever the year (the work list's reports to 定稿). */
    List<AnnualReport> findByOrgIdAndStatusOrderByReportYear(long orgId, cn.studyledger.report.ReportStatus status);
}
