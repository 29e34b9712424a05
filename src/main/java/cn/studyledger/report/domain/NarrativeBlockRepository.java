package cn.studyledger.report.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The blocks of report revisions. */
interface NarrativeBlockRepository extends JpaRepository<NarrativeBlock, Long> {

    List<NarrativeBlock> findByReportIdOrderByPosition(long reportId);
}
