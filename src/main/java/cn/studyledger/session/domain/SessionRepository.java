package cn.studyledger.session.domain;

import cn.studyledger.session.SessionStatus;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.stereotype.Repository;

/** Named apart from Spring Session's {@code sessionRepository} bean (HTTP sessions in the database). */
@Repository("studySessionRepository")
interface SessionRepository extends JpaRepository<StudySession, Long> {

    @Query("""
            select s from StudySession s where s.orgId = :orgId and s.date between :from and :to
              and (:q = '' or s.title like concat('%', :q, '%') escape '!')
              and (:status is null or s.status = :status)""")
    Page<StudySession> search(
            long orgId, LocalDate from, LocalDate to, String q, SessionStatus status, Pageable pageable);

    @EntityGraph(attributePaths = "attendance")
    @Query("select distinct s from StudySession s where s.orgId = :orgId and s.status = :status"
            + " and s.date between :from and :to order by s.date")
    List<StudySession> findWithAttendance(long orgId, SessionStatus status, LocalDate from, LocalDate to);

    long countByOrgId(long orgId);

    /** Sets the check-in secret only while it is empty (first use); a bulk update, so the version stays. */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update StudySession s set s.checkinSecret = :secret where s.id = :id and s.checkinSecret is null")
    int createCheckinSecret(long id, String secret);

    @Query("select s.checkinSecret from StudySession s where s.id = :id")
    String checkinSecretOf(long id);

    List<StudySession> findByOrgIdAndDateBetweenOrderByDate(long orgId, LocalDate from, LocalDate to);

    /**
     * Every session of the organisation that still waits for something: planned, or held with a 学习方案 submitted
     * (a cancelled one waits for nothing).
     */
    @Query(
            "select s from StudySession s where s.orgId = :orgId and (s.status = cn.studyledger.session.SessionStatus.PLANNED"
                    + " or s.status = cn.studyledger.session.SessionStatus.HELD"
                    + " and s.studyPlan.status = cn.studyledger.session.StudyPlanStatus.SUBMITTED) order by s.date")
    List<StudySession> findWaiting(long orgId);

    /** The sessions of the organisation at which the person was on leave, whatever the year (cancelled ones aside). */
    @Query("select distinct s from StudySession s join s.attendance a where s.orgId = :orgId and a.personId = :personId"
            + " and a.status = cn.studyledger.session.AttendanceStatus.LEAVE"
            + " and s.status <> cn.studyledger.session.SessionStatus.CANCELLED order by s.date")
    List<StudySession> findOnLeave(long orgId, long personId);
}

interface LeaveRequestRepository extends org.springframework.data.jpa.repository.JpaRepository<LeaveRequest, Long> {

    List<LeaveRequest> findBySessionIdOrderByIdDesc(long sessionId);

    List<LeaveRequest> findByPersonIdOrderByIdDesc(long personId);

    boolean existsBySessionIdAndPersonIdAndStatus(
            long sessionId, long personId, cn.studyledger.session.LeaveStatus status);

    @org.springframework.data.jpa.repository.Query("""
            select l from LeaveRequest l where l.status = cn.studyledger.session.LeaveStatus.REQUESTED
              and l.sessionId in (select s.id from StudySession s where s.orgId = :orgId
                and s.status <> cn.studyledger.session.SessionStatus.CANCELLED) order by l.id""")
    List<LeaveRequest> findPending(long orgId);
}
