package cn.studyledger.plan.domain;

import cn.studyledger.plan.PlanStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanRepository extends JpaRepository<AnnualPlan, Long> {

    /** All revisions of the year's plan, latest first. */
    List<AnnualPlan> findByOrgIdAndPlanYearOrderByRevisionDesc(long orgId, int planYear);

    /** The current plan: the latest revision. */
    Optional<AnnualPlan> findFirstByOrgIdAndPlanYearOrderByRevisionDesc(long orgId, int planYear);

    /** The effective plan when asked for APPROVED: the latest approved revision. */
    Optional<AnnualPlan> findFirstByOrgIdAndPlanYearAndStatusOrderByRevisionDesc(
            long orgId, int planYear, PlanStatus status);

    long countByOrgId(long orgId);

    /** The organisation's plan revisions in one status, whatever the year (the work list's plans to approve). */
    List<AnnualPlan> findByOrgIdAndStatusOrderByPlanYear(long orgId, PlanStatus status);
}
