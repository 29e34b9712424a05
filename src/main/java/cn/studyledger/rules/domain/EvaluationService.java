package cn.studyledger.rules.domain;

import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.jdbc.FirstTimeRows;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.common.security.SystemIdentity;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.Finding;
import cn.studyledger.rules.domain.RuleViews.EvaluationView;
import cn.studyledger.rules.domain.RuleViews.FindingView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates an organisation's rules of a year over its records and keeps the latest findings: on demand by the
 * organisation's 学习秘书 (立即检查), on the first look at a year that has never been evaluated, and nightly by the
 * system run ({@link NightlyEvaluation}). Every evaluation is audited.
 */
@Service
@Transactional
public class EvaluationService {

    static final String OBJECT = "规则检查";

    private final RuleTables tables;
    private final FactCollector collector;
    private final RuleEvaluationRepository evaluations;
    private final FirstTimeRows firstTime;
    private final OrgApi orgs;
    private final AuditLog audit;
    private final Clock clock;

    EvaluationService(
            RuleTables tables,
            FactCollector collector,
            RuleEvaluationRepository evaluations,
            FirstTimeRows firstTime,
            OrgApi orgs,
            AuditLog audit,
            Clock clock) {
        this.firstTime = firstTime;
        this.tables = tables;
        this.collector = collector;
        this.evaluations = evaluations;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

    /** 立即检查: evaluates now (the organisation's 学习秘书). */
    @PreAuthorize("hasAuthority('" + Permissions.RULES_EDIT + "')")
    public EvaluationView evaluate(String orgCode, int year) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        RuleService.checkYear(year);
        return view(org, run(org, year, RunKind.MANUAL));
    }

    /** The latest evaluation; evaluated now when the year has none yet. */
    @PreAuthorize("hasAuthority('" + Permissions.RULES_VIEW + "')")
    public EvaluationView latest(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        RuleService.checkYear(year);
        Optional<RuleEvaluation> found = evaluations.findByOrgIdAndYear(org.id(), year);
        return view(org, found.isPresent() ? found.get() : run(org, year, RunKind.FIRST_READ));
    }

    /**
     * The latest findings, for {@link cn.studyledger.report.FindingSource}. In a transaction of its own: the first
     * look at a year writes its evaluation, and callers (the dashboard, the report) read in read-only ones.
     */
    @PreAuthorize("hasAuthority('" + Permissions.RULES_VIEW + "')")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Finding> findings(String orgCode, int year) {
        return latest(orgCode, year).asFindings();
    }

    /**
     * The latest findings of each direct subordinate unit of the organisation, by unit id, for a reader of the
     * organisation (its assessment of its units) who need not read the units' own records; for a unit's year never
     * evaluated, the findings of its records as they are now, checked under the system identity and not stored (a
     * look writes nothing). 404 for an organisation out of sight.
     */
    @PreAuthorize("hasAuthority('" + Permissions.RULES_VIEW + "')")
    @Transactional(readOnly = true)
    public Map<Long, List<Finding>> subordinateFindings(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        RuleService.checkYear(year);
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<Finding>> byUnit = new java.util.LinkedHashMap<>();
        for (OrgRef unit : orgs.children(org.id())) {
            byUnit.put(
                    unit.id(),
                    evaluations
                            .findByOrgIdAndYear(unit.id(), year)
                            .map(latest -> view(unit, latest).asFindings())
                            .orElseGet(() -> SystemIdentity.call(() -> check(unit, year, today, tables.read(unit, year))
                                    .found())));
        }
        return byUnit;
    }

    /**
     * The findings of the records as they are at this moment, evaluated without storing the evaluation: for the
     * report's drafts of 三 and 四, which must not lag behind the figures in the same text (a year without a rule
     * table is judged by the defaults). Writes nothing, so a download saves nothing.
     */
    @PreAuthorize("hasAuthority('" + Permissions.RULES_VIEW + "')")
    @Transactional(readOnly = true)
    public List<Finding> currentFindings(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        RuleService.checkYear(year);
        return check(org, year, LocalDate.now(clock), tables.read(org, year)).found();
    }

    /**
     * The nightly run's evaluation. Refused unless the current identity is the system identity
     * ({@link LedgerUser#system()}) that {@link NightlyEvaluation} signs in for the run: no signed-in user can call
     * it, and the run needs no user's grants.
     */
    @PreAuthorize("hasAuthority('" + Permissions.RULES_VIEW + "')")
    public EvaluationView evaluateAsSystem(String orgCode, int year) {
        if (!CurrentUser.require().isSystem()) {
            throw new AccessDeniedException("仅限系统定时任务");
        }
        OrgRef org = orgs.requireReadable(orgCode);
        return view(org, run(org, year, RunKind.NIGHTLY));
    }

    /**
     * Brings the organisation's evaluation of the year up to date after its records changed, under the system
     * identity (see {@link #evaluateAsSystem}); a year never evaluated is left for its first look. Whether it was.
     */
    @PreAuthorize("hasAuthority('" + Permissions.RULES_VIEW + "')")
    public boolean refreshAsSystem(long orgId, int year) {
        if (!CurrentUser.require().isSystem()) {
            throw new AccessDeniedException("仅限系统自动检查");
        }
        // The row locked before the facts are collected: a run that starts while another one works (the session's
        // creation and its being held, one after the other) waits, then reads the records as they are after it, so
        // the evaluation of the last change is the one that stays, never an older one finishing later.
        if (evaluations.lockByOrgIdAndYear(orgId, year).isEmpty()) {
            return false;
        }
        run(orgs.get(orgId), year, RunKind.ON_CHANGE);
        return true;
    }

    /**
     * Evaluates and stores the result in the one evaluation row of the organisation and year. The facts are
     * collected before anything is written; the row is then created if absent ({@link FirstTimeRows}) and locked, so
     * runs at the same moment take turns instead of failing on the unique key or on the version. When several users
     * look at a never-evaluated year at once, the first one's evaluation is everybody's.
     */
    private RuleEvaluation run(OrgRef org, int year, RunKind kind) {
        LocalDateTime now = LocalDateTime.now(clock);
        Outcome outcome = check(org, year, now.toLocalDate(), tables.ensure(org, year));
        int checked = outcome.checked();
        List<Finding> found = outcome.found();
        String by = CurrentUser.usernameOrSystem();
        Map<String, Object> row = new HashMap<>();
        row.put("org_id", org.id());
        row.put("rule_year", year);
        row.put("evaluated_at", now);
        row.put("evaluated_by", by);
        row.put("run_kind", kind.name());
        row.put("rules_checked", checked);
        boolean created = firstTime.insertIfAbsent("rules_evaluation", row);
        RuleEvaluation evaluation =
                evaluations.lockByOrgIdAndYear(org.id(), year).orElseThrow();
        if (!created && kind == RunKind.FIRST_READ) {
            return evaluation;
        }
        evaluation.record(now, by, kind, checked, found);
        evaluations.saveAndFlush(evaluation);
        audit.record(
                created ? AuditAction.CREATE : AuditAction.UPDATE,
                OBJECT,
                evaluation.getId(),
                org.code() + " " + year + "年度规则检查（" + kind.label() + "）：检查规则" + checked + "条，发现问题" + found.size()
                        + "项");
        return evaluation;
    }

    /** The table's rules switched on, checked against the records as of {@code today}. */
    private Outcome check(OrgRef org, int year, LocalDate today, Map<RuleDefinition, RuleSetting> table) {
        RuleFacts facts = collector.collect(org, year, today);
        List<Finding> found = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RuleDefinition, RuleSetting> e : table.entrySet()) {
            RuleSetting s = e.getValue();
            if (!s.enabled()) {
                continue;
            }
            checked++;
            RuleChecks.check(e.getKey(), s.param1(), s.param2(), s.kinds(), s.source(), facts)
                    .ifPresent(found::add);
        }
        return new Outcome(checked, found);
    }

    private record Outcome(int checked, List<Finding> found) {}

    private static EvaluationView view(OrgRef org, RuleEvaluation e) {
        return new EvaluationView(
                org.code(),
                org.name(),
                e.year(),
                e.evaluatedAt(),
                e.evaluatedBy(),
                e.runKind().label(),
                e.rulesChecked(),
                e.findings().stream()
                        .map(f -> {
                            Finding x = f.toFinding();
                            return new FindingView(
                                    x.ruleKey(),
                                    f.ruleName(),
                                    x.rule(),
                                    x.source(),
                                    x.finding(),
                                    x.problem(),
                                    x.nextStep(),
                                    x.evidence());
                        })
                        .toList());
    }
}
