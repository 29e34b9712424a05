package cn.studyledger.plan.domain;

import cn.studyledger.plan.PlanAction;
import cn.studyledger.plan.PlanStatus;
import cn.studyledger.plan.PlanSummary;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only views of plans for the module's API. */
@Service
@Transactional(readOnly = true)
public class PlanQueries {

    private final PlanRepository plans;

    PlanQueries(PlanRepository plans) {
        this.plans = plans;
    }

    public Optional<PlanSummary> current(long orgId, int year) {
        return plans.findFirstByOrgIdAndPlanYearOrderByRevisionDesc(orgId, year).map(PlanQueries::summary);
    }

    public Optional<PlanSummary> effective(long orgId, int year) {
        return plans.findFirstByOrgIdAndPlanYearAndStatusOrderByRevisionDesc(orgId, year, PlanStatus.APPROVED)
                .map(PlanQueries::summary);
    }

    public Optional<LocalDate> firstApprovedOn(long orgId, int year) {
        return plans.findByOrgIdAndPlanYearOrderByRevisionDesc(orgId, year).stream()
                .flatMap(p -> p.decisions().stream())
                .filter(d -> d.action() == PlanAction.APPROVE)
                .map(d -> d.decidedAt().toLocalDate())
                .min(Comparator.naturalOrder());
    }

    static PlanSummary summary(AnnualPlan p) {
        return new PlanSummary(
                p.getId(),
                p.orgId(),
                p.year(),
                p.revision(),
                p.status(),
                p.approvedAt().orElse(null),
                p.arrangements().size());
    }
}
