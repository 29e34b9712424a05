package cn.studyledger.report.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Users' .docx templates per organisation. */
interface ReportTemplateRepository extends JpaRepository<ReportTemplate, Long> {

    List<ReportTemplate> findByOrgIdOrderByIdDesc(long orgId);
}
