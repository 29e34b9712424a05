package cn.studyledger.liaison.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NoticeRepository extends JpaRepository<Notice, Long> {

    @Query("""
            select n from Notice n where n.issuerOrgId = :org and n.year = :year
               and (:text = '' or lower(n.title) like concat('%', :text, '%') escape '!'
                    or lower(n.content) like concat('%', :text, '%') escape '!')""")
    Page<Notice> search(
            @Param("org") long issuerOrgId, @Param("year") int year, @Param("text") String text, Pageable page);

    List<Notice> findByIssuerOrgIdAndYearOrderByIssuedOnAscIdAsc(long issuerOrgId, int year);

    long countByIssuerOrgId(long issuerOrgId);

    Optional<Notice> findByOriginSha256(String originSha256);
}

interface NoticeReceiptRepository extends JpaRepository<NoticeReceipt, Long> {

    List<NoticeReceipt> findByNoticeIdOrderByIdAsc(long noticeId);

    List<NoticeReceipt> findByNoticeIdIn(Collection<Long> noticeIds);

    Optional<NoticeReceipt> findByNoticeIdAndUnitOrgId(long noticeId, long unitOrgId);

    List<NoticeReceipt> findByUnitOrgIdOrderByIdDesc(long unitOrgId);
}

interface SubmissionRepository extends JpaRepository<Submission, Long> {

    boolean existsByOriginSha256(String originSha256);

    List<Submission> findBySuperiorOrgIdAndYearOrderByIdAsc(long superiorOrgId, int year);

    List<Submission> findByUnitOrgIdAndYearOrderByIdAsc(long unitOrgId, int year);

    List<Submission> findByUnitOrgIdOrderByIdAsc(long unitOrgId);

    List<Submission> findBySuperiorOrgIdAndStatusOrderByIdAsc(long superiorOrgId, Submission.Status status);

    List<Submission> findBySuperiorOrgIdAndSubmittedOnBetweenOrderBySubmittedOnAscIdAsc(
            long superiorOrgId, java.time.LocalDate from, java.time.LocalDate to);
}

interface TrustedPeerRepository extends JpaRepository<TrustedPeer, Long> {

    List<TrustedPeer> findByOwnerOrgIdOrderByIdAsc(long ownerOrgId);

    List<TrustedPeer> findByOwnerOrgIdAndFingerprint(long ownerOrgId, String fingerprint);

    boolean existsByOwnerOrgIdAndStandsForOrgIdAndFingerprint(long ownerOrgId, long standsForOrgId, String fingerprint);
}
