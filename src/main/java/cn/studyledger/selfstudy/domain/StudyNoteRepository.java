package cn.studyledger.selfstudy.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StudyNoteRepository extends JpaRepository<StudyNote, Long> {

    List<StudyNote> findByEntryIdOrderById(long entryId);

    Optional<StudyNote> findByEntryIdAndFileId(long entryId, long fileId);

    /** The notes of the entries, for a list page's counts. */
    List<StudyNote> findByEntryIdIn(Collection<Long> entryIds);

    /** The notes with their entries of the organisation dated in the period, of the people, by the entries' dates. */
    @Query("""
            select n, e from StudyNote n, SelfStudyEntry e where e.id = n.entryId and e.orgId = :orgId
              and e.date between :from and :to and e.personId in :personIds order by e.date, e.id, n.id""")
    List<Object[]> findWithEntries(long orgId, LocalDate from, LocalDate to, Collection<Long> personIds);

    long countByEntryId(long entryId);
}
