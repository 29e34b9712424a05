package cn.studyledger.selfstudy.domain;

import cn.studyledger.selfstudy.WritingKind;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WritingRepository extends JpaRepository<Writing, Long> {

    @Query("""
            select w from Writing w where w.orgId = :orgId and w.writtenOn between :from and :to
              and w.personId in :personIds and w.kind in :kinds""")
    Page<Writing> search(
            long orgId,
            LocalDate from,
            LocalDate to,
            Collection<Long> personIds,
            Collection<WritingKind> kinds,
            Pageable pageable);

    @Query("""
            select w from Writing w where w.orgId = :orgId and w.writtenOn between :from and :to
              and w.personId in :personIds and w.kind in :kinds order by w.writtenOn, w.id""")
    List<Writing> findForFigure(
            long orgId, LocalDate from, LocalDate to, Collection<Long> personIds, Collection<WritingKind> kinds);

    @Query("""
            select w from Writing w where w.orgId = :orgId and w.writtenOn between :from and :to
              order by w.writtenOn, w.id""")
    List<Writing> findInPeriod(long orgId, LocalDate from, LocalDate to);

    long countByOrgId(long orgId);
}
