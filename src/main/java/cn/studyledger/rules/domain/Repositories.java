package cn.studyledger.rules.domain;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RuleSettingRepository extends JpaRepository<RuleSetting, Long> {

    List<RuleSetting> findByOrgIdAndYear(long orgId, int year);

    Optional<RuleSetting> findByOrgIdAndYearAndKey(long orgId, int year, String key);

    List<RuleSetting> findByYearAndKeyAndOrgIdIn(int year, String key, Collection<Long> orgIds);
}

interface RuleEvaluationRepository extends JpaRepository<RuleEvaluation, Long> {

    Optional<RuleEvaluation> findByOrgIdAndYear(long orgId, int year);

    /** The evaluation row locked until the end of the transaction: runs of one organisation and year take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from RuleEvaluation e where e.orgId = :orgId and e.year = :year")
    Optional<RuleEvaluation> lockByOrgIdAndYear(long orgId, int year);
}
