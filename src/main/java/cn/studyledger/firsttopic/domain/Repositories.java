package cn.studyledger.firsttopic.domain;

import cn.studyledger.tracking.TrackingStatus;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ItemRepository extends JpaRepository<FirstTopicItem, Long> {

    /** {@code q} is never null ("" matches all): PostgreSQL cannot type a null bound into a like. */
    @Query("""
            select i from FirstTopicItem i where i.orgId = :orgId and i.publishedOn between :from and :to
              and (i.title like concat('%', :q, '%') escape '!' or i.source like concat('%', :q, '%') escape '!')""")
    Page<FirstTopicItem> search(long orgId, LocalDate from, LocalDate to, String q, Pageable pageable);

    /** Items of the organisation studied in any of the sessions. */
    @Query("""
            select distinct i from FirstTopicItem i join i.studies s
             where i.orgId = :orgId and s.sessionId in :sessionIds""")
    List<FirstTopicItem> findStudiedIn(long orgId, Collection<Long> sessionIds);

    List<FirstTopicItem> findByIdIn(Collection<Long> ids);

    List<FirstTopicItem> findByOrgIdAndPublishedOnBetweenOrderByPublishedOnAscIdAsc(
            long orgId, LocalDate from, LocalDate to);

    List<FirstTopicItem> findByOrgIdAndPublishedOnBetweenOrderByPublishedOnDescIdDesc(
            long orgId, LocalDate from, LocalDate to);

    long countByOrgId(long orgId);
}

interface DeploymentRepository extends JpaRepository<Deployment, Long> {

    List<Deployment> findByItemIdOrderByDecidedOnAscIdAsc(long itemId);

    List<Deployment> findByIdIn(Collection<Long> ids);

    long countByItemId(long itemId);
}

interface TaskRepository extends JpaRepository<FollowUpTask, Long> {

    /**
     * The tasks of a year: due in the year, or given by a deployment of the year, or still open from before the
     * year (a backlog stays in sight until it is closed).
     */
    @Query("""
            select t from FollowUpTask t where t.orgId = :orgId
              and (t.tracked.dueOn between :from and :to
                   or exists (select d.id from Deployment d where d.id = t.deploymentId
                                and d.decidedOn between :from and :to)
                   or (t.tracked.status = :open and t.tracked.dueOn < :from))
              and (:overdueOnly = false or (t.tracked.status = :open and t.tracked.dueOn < :today))
              and (:status is null or t.tracked.status = :status)""")
    Page<FollowUpTask> searchYear(
            long orgId,
            LocalDate from,
            LocalDate to,
            boolean overdueOnly,
            LocalDate today,
            TrackingStatus status,
            TrackingStatus open,
            Pageable pageable);

    List<FollowUpTask> findByDeploymentIdInOrderByTrackedDueOnAscIdAsc(Collection<Long> deploymentIds);

    List<FollowUpTask> findByOrgIdAndTrackedDueOnBetweenOrderByTrackedDueOnAscIdAsc(
            long orgId, LocalDate from, LocalDate to);

    List<FollowUpTask> findByOrgIdAndTrackedStatusAndTrackedDueOnBeforeOrderByTrackedDueOnAscIdAsc(
            long orgId, TrackingStatus status, LocalDate before);

    List<FollowUpTask> findByTrackedOwnerPersonIdAndTrackedStatusOrderByTrackedDueOnAscIdAsc(
            long ownerPersonId, TrackingStatus status);

    long countByOrgId(long orgId);
}

interface InspectionRepository extends JpaRepository<Inspection, Long> {

    List<Inspection> findByTaskIdInOrderByInspectedOnAscIdAsc(Collection<Long> taskIds);
}
