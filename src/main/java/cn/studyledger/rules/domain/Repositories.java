package cn.studyledger.rules.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RuleSettingRepository extends JpaRepository<RuleSetting, Long> {

    List<RuleSetting> findByOrgIdAndYear(long orgId, int year);
}

interface RuleEvaluationRepository extends JpaRepository<RuleEvaluation, Long> {

    Optional<RuleEvaluation> findByOrgIdAndYear(long orgId, int year);
}
