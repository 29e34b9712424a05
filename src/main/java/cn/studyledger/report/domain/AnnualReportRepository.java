package cn.studyledger.report.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Report revisions of an organisation and year. */
interface AnnualReportRepository extends JpaRepository<AnnualReport, Long> {

    Optional<AnnualReport> findFirstByOrgIdAndReportYearOrderByRevisionDesc(long orgId, int reportYear);

    Optional<AnnualReport> findByOrgIdAndReportYearAndRevision(long orgId, int reportYear, int revision);

    Optional<AnnualReport> findFirstByOrgIdAndReportYearAndStatusOrderByRevisionDesc(
            long orgId, int reportYear, cn.studyledger.report.ReportStatus status);

    List<AnnualReport> findByOrgIdAndReportYearOrderByRevisionDesc(long orgId, int reportYear);

    /** The organisation's report revisions in one status, whatever the year (the work list's reports to 定稿). */
    List<AnnualReport> findByOrgIdAndStatusOrderByReportYear(long orgId, cn.studyledger.report.ReportStatus status);
}
