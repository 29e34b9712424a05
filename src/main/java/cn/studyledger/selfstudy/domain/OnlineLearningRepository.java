package cn.studyledger.selfstudy.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OnlineLearningRepository extends JpaRepository<OnlineLearning, Long> {

    @Query("""
            select o from OnlineLearning o where o.orgId = :orgId and o.periodStart between :from and :to
              and o.personId in :personIds""")
    Page<OnlineLearning> search(
            long orgId, LocalDate from, LocalDate to, Collection<Long> personIds, Pageable pageable);

    @Query("""
            select o from OnlineLearning o where o.orgId = :orgId and o.periodStart between :from and :to
              order by o.periodStart, o.id""")
    List<OnlineLearning> findForFigure(long orgId, LocalDate from, LocalDate to);

    boolean existsByOrgIdAndPersonIdAndPlatformAndPeriodStartAndPeriodEnd(
            long orgId, long personId, String platform, LocalDate periodStart, LocalDate periodEnd);

    long countByOrgId(long orgId);
}
