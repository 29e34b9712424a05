package cn.studyledger.supervision.domain;

import cn.studyledger.supervision.VisitStage;
import cn.studyledger.tracking.TrackingStatus;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VisitRepository extends JpaRepository<SupervisionVisit, Long> {

    /**
     * Visits of a year that concern the organisation: those it makes to its subordinate units and those made to
     * it. {@code unitOrgId} and {@code stage} narrow the list when given.
     */
    @Query("""
            select v from SupervisionVisit v
             where (v.superiorOrgId = :orgId or v.unitOrgId = :orgId)
               and v.plannedOn between :from and :to
               and (:unitOrgId is null or v.unitOrgId = :unitOrgId)
               and (:stage is null or v.stage = :stage)""")
    Page<SupervisionVisit> search(
            long orgId, LocalDate from, LocalDate to, Long unitOrgId, VisitStage stage, Pageable pageable);

    List<SupervisionVisit> findBySuperiorOrgIdAndPlannedOnBetweenOrderByPlannedOnAscIdAsc(
            long superiorOrgId, LocalDate from, LocalDate to);

    /** The visits made to the unit, planned within the dates. */
    List<SupervisionVisit> findByUnitOrgIdAndPlannedOnBetweenOrderByPlannedOnAscIdAsc(
            long unitOrgId, LocalDate from, LocalDate to);

    long countBySuperiorOrgId(long superiorOrgId);

    /** The visits concerning the organisation (made by it or to it) in one of the stages, whatever the year. */
    @Query("""
            select v from SupervisionVisit v
             where (v.superiorOrgId = :orgId or v.unitOrgId = :orgId) and v.stage in :stages
             order by v.plannedOn, v.id""")
    List<SupervisionVisit> findConcerningInStages(long orgId, Collection<VisitStage> stages);
}

interface RectificationRepository extends JpaRepository<RectificationItem, Long> {

    List<RectificationItem> findByVisitIdInOrderByIdAsc(Collection<Long> visitIds);

    @Query("""
            select r from RectificationItem r
             where r.tracked.status = :open and r.tracked.dueOn < :today
             order by r.tracked.dueOn, r.id""")
    List<RectificationItem> findOverdue(TrackingStatus open, LocalDate today);
}

interface CriteriaSetRepository extends JpaRepository<CriteriaSet, Long> {

    Optional<CriteriaSet> findByOrgIdAndYear(long orgId, int year);
}
