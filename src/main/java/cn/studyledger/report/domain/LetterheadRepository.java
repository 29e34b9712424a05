package cn.studyledger.report.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LetterheadRepository extends JpaRepository<Letterhead, Long> {

    Optional<Letterhead> findByOrgIdAndReportYear(long orgId, int reportYear);
}
