package cn.studyledger.assessment.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AssessmentRepository extends JpaRepository<Assessment, Long> {

    Optional<Assessment> findByOrgIdAndYear(long orgId, int year);

    /** The row locked, so that two first changes of the same year take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Assessment a where a.orgId = :org and a.year = :year")
    Optional<Assessment> lockByOrgIdAndYear(@Param("org") long orgId, @Param("year") int year);
}

interface AdjustmentRepository extends JpaRepository<Adjustment, Long> {

    List<Adjustment> findByAssessmentIdOrderByIdAsc(long assessmentId);
}

interface ObjectionRepository extends JpaRepository<Objection, Long> {

    List<Objection> findByAssessmentIdOrderByIdAsc(long assessmentId);
}

interface CommendationRepository extends JpaRepository<Commendation, Long> {

    List<Commendation> findByAssessmentIdOrderByIdAsc(long assessmentId);

    boolean existsByAssessmentIdAndUnitOrgIdAndTitle(long assessmentId, long unitOrgId, String title);
}
