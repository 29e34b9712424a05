package cn.studyledger.session.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SessionBriefRepository extends JpaRepository<SessionBrief, Long> {

    Optional<SessionBrief> findBySessionId(long sessionId);

    @Query("select coalesce(max(b.issueNo), 0) from SessionBrief b where b.orgId = ?1 and b.year = ?2")
    int lastIssueNo(long orgId, int year);

    @Query("select b from SessionBrief b where b.orgId = ?1 and b.year = ?2 and b.status = ?3 order by b.issueNo")
    List<SessionBrief> findByOrgYear(long orgId, int year, SessionBrief.Status status);
}
