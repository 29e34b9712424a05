package cn.studyledger.selfstudy.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SelfStudyRepository extends JpaRepository<SelfStudyEntry, Long> {

    @Query("""
            select e from SelfStudyEntry e where e.orgId = :orgId and e.date between :from and :to
              and e.personId in :personIds""")
    Page<SelfStudyEntry> search(
            long orgId, LocalDate from, LocalDate to, Collection<Long> personIds, Pageable pageable);

    @Query("""
            select e from SelfStudyEntry e where e.orgId = :orgId and e.date between :from and :to
              and e.personId in :personIds order by e.date, e.id""")
    List<SelfStudyEntry> findForFigure(long orgId, LocalDate from, LocalDate to, Collection<Long> personIds);

    long countByOrgId(long orgId);
}
