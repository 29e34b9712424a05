package cn.studyledger.material.domain;

import cn.studyledger.material.IssueStatus;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MaterialIssueRepository extends JpaRepository<MaterialIssue, Long> {

    @Query("select i from MaterialIssue i where i.orgId = :orgId and i.year = :year and i.status in :statuses")
    Page<MaterialIssue> search(long orgId, int year, Collection<IssueStatus> statuses, Pageable pageable);

    @Query("""
            select i from MaterialIssue i where i.orgId = :orgId and i.status = :status
              and i.publishedOn between :from and :to order by i.publishedOn, i.issueNo, i.id""")
    List<MaterialIssue> findForFigure(long orgId, IssueStatus status, LocalDate from, LocalDate to);

    @Query("select coalesce(max(i.issueNo), 0) from MaterialIssue i where i.orgId = :orgId and i.year = :year")
    int maxIssueNo(long orgId, int year);

    boolean existsByOrgIdAndYearAndIssueNo(long orgId, int year, int issueNo);

    long countByOrgId(long orgId);
}
