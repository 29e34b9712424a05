package cn.studyledger.selfstudy.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BookRepository extends JpaRepository<Book, Long> {

    /** The year's books of the people whose title contains {@code title} (lower case; empty for every book). */
    @Query("""
            select b from Book b where b.orgId = :orgId and b.year = :year and b.personId in :personIds
              and lower(b.title) like concat('%', :title, '%') escape '!'""")
    Page<Book> search(long orgId, int year, Collection<Long> personIds, String title, Pageable pageable);

    @Query("""
            select b from Book b where b.orgId = :orgId and b.finishedOn between :from and :to
              and b.personId in :personIds order by b.finishedOn, b.id""")
    List<Book> findFinished(long orgId, LocalDate from, LocalDate to, Collection<Long> personIds);

    @Query("select b from Book b where b.orgId = :orgId and b.year = :year order by b.startedOn, b.id")
    List<Book> findByOrgAndYear(long orgId, int year);

    long countByOrgId(long orgId);
}
