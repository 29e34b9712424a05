package cn.studyledger.report.domain;

import cn.studyledger.figure.Period;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LetterheadRepository extends JpaRepository<Letterhead, Long> {

    Optional<Letterhead> findByOrgIdAndReportYearAndPart(long orgId, int reportYear, Period.Part part);

    default Optional<Letterhead> of(long orgId, Period period) {
        return findByOrgIdAndReportYearAndPart(orgId, period.year(), period.part());
    }
}
