package cn.studyledger.report.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The proposals for sections 三 and 四 of report revisions. */
interface ProposalRepository extends JpaRepository<Proposal, Long> {

    List<Proposal> findByReportIdOrderById(long reportId);
}
