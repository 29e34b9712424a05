package cn.studyledger.selfstudy.domain;

import java.math.BigDecimal;
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

    /** The hours the person logged in the organisation for the day, leaving out the entry {@code except} if given. */
    @Query("""
            select coalesce(sum(e.hours), 0) from SelfStudyEntry e
            where e.orgId = :orgId and e.personId = :personId and e.date = :date and (:except is null or e.id <> :except)""")
    BigDecimal hoursOn(long orgId, long personId, LocalDate date, Long except);

    long countByOrgId(long orgId);
}
