package cn.studyledger.outreach.domain;

import cn.studyledger.outreach.PublicityChannel;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface YouthGroupRepository extends JpaRepository<YouthGroup, Long> {

    List<YouthGroup> findByOrgIdOrderByNameAsc(long orgId);

    boolean existsByOrgIdAndName(long orgId, String name);

    long countByOrgId(long orgId);
}

interface PartnerBranchRepository extends JpaRepository<PartnerBranch, Long> {

    List<PartnerBranch> findByOrgIdOrderByNameAsc(long orgId);

    boolean existsByOrgIdAndName(long orgId, String name);
}

interface JointLinkRepository extends JpaRepository<JointLink, Long> {

    Optional<JointLink> findBySessionId(long sessionId);

    List<JointLink> findBySessionIdIn(Collection<Long> sessionIds);

    @Query("select count(l) from JointLink l where :groupId member of l.youthGroupIds")
    long countWithYouthGroup(long groupId);

    @Query("select count(l) from JointLink l where :branchId member of l.branchIds")
    long countWithBranch(long branchId);
}

interface PublicityItemRepository extends JpaRepository<PublicityItem, Long> {

    /**
     * Items of the organisation published between the dates, on one of the channels, whose title, column or
     * related record contains the text ({@code pattern} is a lower-case LIKE pattern escaped with '!'; never
     * null: PostgreSQL cannot type a null bound into a like).
     */
    @Query("""
            select i from PublicityItem i where i.orgId = :orgId and i.publishedOn between :from and :to
              and i.channel in :channels
              and (lower(i.title) like :pattern escape '!' or lower(coalesce(i.columnName, '')) like :pattern escape '!'
                   or lower(coalesce(i.related, '')) like :pattern escape '!')""")
    Page<PublicityItem> search(
            long orgId,
            LocalDate from,
            LocalDate to,
            Collection<PublicityChannel> channels,
            String pattern,
            Pageable pageable);

    Optional<PublicityItem> findByBriefSessionId(long briefSessionId);

    List<PublicityItem> findByOrgIdAndPublishedOnBetweenOrderByPublishedOnAscIdAsc(
            long orgId, LocalDate from, LocalDate to);

    @Query(
            "select distinct i.columnName from PublicityItem i where i.orgId = :orgId and i.columnName is not null order by i.columnName")
    List<String> columns(long orgId);

    long countByOrgId(long orgId);
}

interface ExchangeMeetingRepository extends JpaRepository<ExchangeMeeting, Long> {

    List<ExchangeMeeting> findByOrgIdAndHeldOnBetweenOrderByHeldOnAscIdAsc(long orgId, LocalDate from, LocalDate to);

    long countByOrgId(long orgId);
}
