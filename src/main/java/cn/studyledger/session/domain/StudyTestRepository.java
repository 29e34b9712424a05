package cn.studyledger.session.domain;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StudyTestRepository extends JpaRepository<StudyTest, Long> {

    @EntityGraph(attributePaths = "participants")
    @Query("select t from StudyTest t where t.orgId = ?1 and t.year = ?2 order by t.heldOn desc, t.id desc")
    List<StudyTest> findByOrgYear(long orgId, int year);

    /** The tests held within the dates, with their participants, by date: what the figures count. */
    @EntityGraph(attributePaths = "participants")
    @Query("select t from StudyTest t where t.orgId = ?1 and t.heldOn between ?2 and ?3 order by t.heldOn, t.id")
    List<StudyTest> findHeld(long orgId, LocalDate from, LocalDate to);

    long countByOrgId(long orgId);
}
