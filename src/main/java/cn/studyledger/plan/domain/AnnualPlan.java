package cn.studyledger.plan.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.events.YearRecord;
import cn.studyledger.common.security.Decisions;
import cn.studyledger.plan.PlanAction;
import cn.studyledger.plan.PlanStatus;
import cn.studyledger.session.SessionFormat;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One revision of an organisation's annual study plan (年度学习计划): themes and monthly arrangements, drafted
 * by the clerk, approved or returned by the 组长. DRAFT → SUBMITTED → APPROVED | RETURNED, RETURNED →
 * SUBMITTED again; content changes only in DRAFT or RETURNED. An approved revision is never changed: 修订
 * starts the next revision as a draft copy, and the approved one stays as history.
 */
@Entity
@Table(name = "plan_annual_plan")
class AnnualPlan extends BaseEntity implements YearRecord {

    static final int MAX_COMMENT = 500;

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "plan_year", nullable = false, updatable = false)
    private int planYear;

    @Column(nullable = false, updatable = false)
    private int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanStatus status = PlanStatus.DRAFT;

    @Column(name = "revised_from_id", updatable = false)
    private Long revisedFromId;

    @ElementCollection
    @CollectionTable(name = "plan_theme", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    @Column(name = "title", nullable = false)
    private List<String> themes = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "plan_id", nullable = false)
    @OrderBy("planMonth, id")
    private List<Arrangement> arrangements = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "plan_id", nullable = false)
    @OrderBy("decidedAt, id")
    private List<PlanDecision> decisions = new ArrayList<>();

    protected AnnualPlan() {}

    /** The first plan of a year: revision 1, a draft. */
    AnnualPlan(long orgId, int year) {
        this(orgId, year, 1, null);
    }

    private AnnualPlan(long orgId, int year, int revision, Long revisedFromId) {
        this.orgId = orgId;
        this.planYear = year;
        this.revision = revision;
        this.revisedFromId = revisedFromId;
    }

    /** Replaces the themes (学习专题); blank lines are dropped. */
    void describeThemes(List<String> newThemes) {
        requireEditable();
        themes.clear();
        newThemes.stream()
                .filter(t -> t != null && !t.isBlank())
                .map(String::trim)
                .forEach(themes::add);
        touch();
    }

    Arrangement addArrangement(Line line) {
        requireEditable();
        Arrangement arrangement =
                new Arrangement(line.month(), line.topic(), line.format(), line.leadPersonId(), line.materials());
        arrangements.add(arrangement);
        touch();
        return arrangement;
    }

    void editArrangement(long arrangementId, Line line) {
        requireEditable();
        arrangement(arrangementId)
                .describe(line.month(), line.topic(), line.format(), line.leadPersonId(), line.materials());
        touch();
    }

    void removeArrangement(long arrangementId) {
        requireEditable();
        arrangements.remove(arrangement(arrangementId));
        touch();
    }

    /**
     * Replaces themes and arrangements at once (the API's PUT). Lines with the id of an existing arrangement
     * change it and keep its links to sessions; lines without id are added; arrangements not sent are removed.
     */
    void replaceContent(List<String> newThemes, List<Line> lines) {
        requireEditable();
        Set<Long> kept = new HashSet<>();
        for (Line line : lines) {
            if (line.id() != null) {
                arrangement(line.id());
                if (!kept.add(line.id())) {
                    throw new BusinessRuleException("同一项月度安排提交了两次");
                }
            }
        }
        describeThemes(newThemes);
        arrangements.removeIf(a -> a.id() != null && !kept.contains(a.id()));
        for (Line line : lines) {
            if (line.id() == null) {
                addArrangement(line);
            } else {
                editArrangement(line.id(), line);
            }
        }
    }

    /** DRAFT | RETURNED → SUBMITTED, by the clerk, once the plan has a theme and an arrangement. */
    void submit(Actor actor, LocalDateTime now) {
        if (status == PlanStatus.SUBMITTED) {
            throw new BusinessRuleException("学习计划已提交，正在等待组长审批");
        }
        if (status == PlanStatus.APPROVED) {
            throw new BusinessRuleException("学习计划已批准，不能再次提交");
        }
        if (themes.isEmpty()) {
            throw new BusinessRuleException("请至少填写一个学习专题后再提交");
        }
        if (arrangements.isEmpty()) {
            throw new BusinessRuleException("请至少填写一项月度安排后再提交");
        }
        status = PlanStatus.SUBMITTED;
        decisions.add(new PlanDecision(PlanAction.SUBMIT, actor, now, null));
        touch();
    }

    /** SUBMITTED → APPROVED, by the 组长 (not whoever submitted it), with an optional comment. */
    void approve(Actor actor, LocalDateTime now, String comment) {
        requireSubmitted("批准");
        requireNotSubmittedBy(actor);
        String text = comment(comment);
        status = PlanStatus.APPROVED;
        decisions.add(new PlanDecision(PlanAction.APPROVE, actor, now, text));
        touch();
    }

    /** SUBMITTED → RETURNED, by the 组长, who must say what to change. */
    void sendBack(Actor actor, LocalDateTime now, String comment) {
        requireSubmitted("退回");
        requireNotSubmittedBy(actor);
        String text = comment(comment);
        if (text == null) {
            throw new BusinessRuleException("退回学习计划时请填写修改意见");
        }
        status = PlanStatus.RETURNED;
        decisions.add(new PlanDecision(PlanAction.RETURN, actor, now, text));
        touch();
    }

    /**
     * 修订: the next revision as a draft copy of this approved one (themes, arrangements and their links to
     * sessions). This revision stays approved and unchanged; it remains in force until the new one is approved.
     */
    AnnualPlan revise(Actor actor, LocalDateTime now) {
        if (status != PlanStatus.APPROVED) {
            throw new BusinessRuleException("只有已批准的学习计划可以修订，当前状态：" + status.label());
        }
        AnnualPlan next = new AnnualPlan(orgId, planYear, revision + 1, getId());
        next.themes.addAll(themes);
        arrangements.stream()
                .sorted(Comparator.comparingInt(Arrangement::month))
                .forEach(a -> next.arrangements.add(a.copy()));
        next.decisions.add(new PlanDecision(PlanAction.REVISE, actor, now, "在第" + revision + "版基础上修订"));
        return next;
    }

    /**
     * Plan against actual: the sessions that carried out an arrangement. Allowed in every state, an approved
     * plan included: it records what happened, not what was planned.
     */
    void linkSessions(long arrangementId, Collection<Long> sessionIds) {
        arrangement(arrangementId).linkSessions(sessionIds);
    }

    Arrangement arrangement(long arrangementId) {
        return arrangements.stream()
                .filter(a -> a.id() != null && a.id() == arrangementId)
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("该月度安排不属于本学习计划"));
    }

    /** When the 组长 approved this revision, if it is approved. */
    Optional<LocalDateTime> approvedAt() {
        if (status != PlanStatus.APPROVED) {
            return Optional.empty();
        }
        return decisions.stream()
                .filter(d -> d.action() == PlanAction.APPROVE)
                .map(PlanDecision::decidedAt)
                .max(Comparator.naturalOrder());
    }

    /** 不自批: the one who submitted this revision does not decide it. */
    private void requireNotSubmittedBy(Actor actor) {
        submitter()
                .ifPresent(username -> Decisions.requireOther(
                        Decisions.Party.account(username), Decisions.Party.account(actor.username()), "学习计划"));
    }

    /** The account that last submitted this revision, if it was submitted: it does not decide it. */
    Optional<String> submitter() {
        return decisions.stream()
                .filter(d -> d.action() == PlanAction.SUBMIT)
                .reduce((first, second) -> second)
                .map(d -> d.actorUsername());
    }

    private void requireEditable() {
        if (status == PlanStatus.SUBMITTED) {
            throw new BusinessRuleException("学习计划已提交，正在等待组长审批，不能修改");
        }
        if (status == PlanStatus.APPROVED) {
            throw new BusinessRuleException("已批准的学习计划不能修改，如需调整请“修订”生成新版本");
        }
    }

    private void requireSubmitted(String verb) {
        if (status != PlanStatus.SUBMITTED) {
            throw new BusinessRuleException("只有已提交待审批的学习计划可以" + verb + "，当前状态：" + status.label());
        }
    }

    private static String comment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String text = comment.trim();
        if (text.length() > MAX_COMMENT) {
            throw new BusinessRuleException("审批意见最长" + MAX_COMMENT + "字");
        }
        return text;
    }

    long orgId() {
        return orgId;
    }

    int year() {
        return planYear;
    }

    int revision() {
        return revision;
    }

    PlanStatus status() {
        return status;
    }

    Long revisedFromId() {
        return revisedFromId;
    }

    List<String> themes() {
        return themes;
    }

    /** The arrangements in month order. */
    List<Arrangement> arrangements() {
        return arrangements.stream()
                .sorted(Comparator.comparingInt(Arrangement::month)
                        .thenComparing(a -> a.id() == null ? Long.MAX_VALUE : a.id()))
                .toList();
    }

    List<PlanDecision> decisions() {
        return decisions;
    }

    /** Who acts on a plan: the account's username and the name shown in the history. */
    record Actor(String username, String name) {}

    /** One arrangement as entered; {@code id} only when it changes an existing one. */
    record Line(Long id, int month, String topic, SessionFormat format, Long leadPersonId, String materials) {}

    @Override
    public OrgYear countsIn() {
        return new OrgYear(orgId(), year());
    }
}
