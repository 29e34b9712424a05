package cn.studyledger.research.domain;

import cn.studyledger.research.RecommendationStatus;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TopicRepository extends JpaRepository<ResearchTopic, Long> {

    /** {@code q} is never null ("" matches all): PostgreSQL cannot type a null bound into a like. */
    @Query("""
            select t from ResearchTopic t where t.orgId = :orgId and t.year = :year
              and (t.title like concat('%', :q, '%') escape '!' or t.keyTask like concat('%', :q, '%') escape '!')""")
    Page<ResearchTopic> search(long orgId, int year, String q, Pageable pageable);

    List<ResearchTopic> findByOrgIdAndYearOrderByIdAsc(long orgId, int year);

    long countByOrgId(long orgId);
}

interface RecommendationRepository extends JpaRepository<Recommendation, Long> {

    List<Recommendation> findByTopicIdOrderByProposedOnAscIdAsc(long topicId);

    List<Recommendation> findByTopicIdIn(Collection<Long> topicIds);

    List<Recommendation> findByOrgIdAndProposedOnBetweenOrderByProposedOnAscIdAsc(
            long orgId, LocalDate from, LocalDate to);

    long countByOrgIdAndProposedOnBetweenAndStatus(
            long orgId, LocalDate from, LocalDate to, RecommendationStatus status);

    long countByOrgIdAndProposedOnBetween(long orgId, LocalDate from, LocalDate to);

    long countByTopicId(long topicId);
}

interface InvestigationRepository extends JpaRepository<Investigation, Long> {

    /** {@code q} is never null ("" matches all). */
    @Query("""
            select i from Investigation i where i.orgId = :orgId and i.year = :year
              and i.theme like concat('%', :q, '%') escape '!'""")
    Page<Investigation> search(long orgId, int year, String q, Pageable pageable);

    List<Investigation> findByOrgIdAndYearOrderByIdAsc(long orgId, int year);

    long countByOrgId(long orgId);
}

interface TripRepository extends JpaRepository<FieldTrip, Long> {

    List<FieldTrip> findByInvestigationIdOrderByDateAscIdAsc(long investigationId);

    List<FieldTrip> findByInvestigationIdInOrderByDateAscIdAsc(Collection<Long> investigationIds);

    long countByInvestigationId(long investigationId);
}

interface ReportRepository extends JpaRepository<InvestigationReport, Long> {

    List<InvestigationReport> findByInvestigationIdOrderByIdAsc(long investigationId);

    List<InvestigationReport> findByInvestigationIdInOrderByIdAsc(Collection<Long> investigationIds);

    long countByInvestigationId(long investigationId);
}

interface SelectionRepository extends JpaRepository<Selection, Long> {

    Optional<Selection> findByOrgIdAndYear(long orgId, int year);
}

interface ScoreSheetRepository extends JpaRepository<ScoreSheet, Long> {

    List<ScoreSheet> findBySelectionId(long selectionId);

    Optional<ScoreSheet> findBySelectionIdAndReportIdAndJudgePersonId(long selectionId, long reportId, long judge);

    boolean existsByReportId(long reportId);
}
