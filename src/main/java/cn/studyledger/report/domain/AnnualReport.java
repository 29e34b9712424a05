package cn.studyledger.report.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Decisions;
import cn.studyledger.figure.Period;
import cn.studyledger.report.ReportFinalised;
import cn.studyledger.report.ReportStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.OptimisticLock;

/**
 * One revision of an organisation's annual report (年度报告). DRAFT → SUBMITTED (clerk) → FINAL (组长, figures
 * frozen) ; SUBMITTED → DRAFT when the 组长 sends it back; a FINAL revision is never changed: reopening it (组长,
 * with a reason) starts the next revision as a draft copy of its blocks, and the final one stays as history.
 */
@Entity
@Table(name = "report_annual_report")
class AnnualReport extends BaseEntity {

    static final int MAX_REASON = 500;

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "report_year", nullable = false, updatable = false)
    private int reportYear;

    /** The part of the year the report covers: the whole year, or its first half (上半年). */
    @Enumerated(EnumType.STRING)
    @Column(name = "report_period", nullable = false, updatable = false)
    private Period.Part part = Period.Part.YEAR;

    @Column(nullable = false, updatable = false)
    private int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportStatus status = ReportStatus.DRAFT;

    @Column(name = "template_id")
    private Long templateId;

    @Column(name = "revised_from_id", updatable = false)
    private Long revisedFromId;

    @Column(name = "finalised_at")
    private LocalDateTime finalisedAt;

    /**
     * The history; appending to it does not bump the version by itself (every decision but the creation changes the
     * status as well), so a report created by {@code FirstTimeRows} starts at version 0 like one saved whole.
     */
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "report_id", nullable = false)
    @OrderBy("decidedAt, id")
    @OptimisticLock(excluded = true)
    private List<ReportDecision> decisions = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "report_id", nullable = false)
    @OrderBy("id")
    private List<SnapshotFigure> snapshot = new ArrayList<>();

    protected AnnualReport() {}

    /** The first report of a period: revision 1, a draft. */
    AnnualReport(long orgId, Period period, Actor actor, LocalDateTime now) {
        this(orgId, period, 1, null, null);
        created(actor, now);
    }

    /** Records who made the first revision (also for the row stored by {@code FirstTimeRows}). */
    void created(Actor actor, LocalDateTime now) {
        decisions.add(new ReportDecision(ReportAction.CREATE, actor, now, "按默认模板生成"));
    }

    private AnnualReport(long orgId, Period period, int revision, Long revisedFromId, Long templateId) {
        this.orgId = orgId;
        this.reportYear = period.year();
        this.part = period.part();
        this.revision = revision;
        this.revisedFromId = revisedFromId;
        this.templateId = templateId;
    }

    /** Content (blocks, proposals, template) changes only while the revision is a draft. */
    void requireEditable() {
        if (status == ReportStatus.SUBMITTED) {
            throw new BusinessRuleException("报告已提交组长定稿，不能修改；如需修改请组长退回");
        }
        if (status == ReportStatus.FINAL) {
            throw new BusinessRuleException("已定稿的报告不能修改，如需调整请组长“重新打开”");
        }
    }

    /** DRAFT → SUBMITTED, by the clerk. */
    void submit(Actor actor, LocalDateTime now) {
        if (status != ReportStatus.DRAFT) {
            throw new BusinessRuleException("只有草稿可以提交定稿，当前状态：" + status.label());
        }
        status = ReportStatus.SUBMITTED;
        decisions.add(new ReportDecision(ReportAction.SUBMIT, actor, now, null));
        touch();
    }

    /** SUBMITTED → FINAL, by the 组长: the figures as they are now are frozen with the revision. */
    void finalise(Actor actor, LocalDateTime now, Collection<SnapshotFigure> figures) {
        if (status == ReportStatus.DRAFT) {
            throw new BusinessRuleException("报告尚未提交定稿，请学习秘书先提交");
        }
        if (status == ReportStatus.FINAL) {
            throw new BusinessRuleException("报告已定稿，不能重复定稿");
        }
        requireNotSubmittedBy(actor);
        status = ReportStatus.FINAL;
        finalisedAt = now;
        snapshot.clear();
        snapshot.addAll(figures);
        decisions.add(new ReportDecision(ReportAction.FINALISE, actor, now, null));
        touch();
        registerEvent(() -> new ReportFinalised(getId(), orgId, reportYear, revision));
    }

    /** SUBMITTED → DRAFT, by the 组长, who says what to change. */
    void sendBack(Actor actor, LocalDateTime now, String reason) {
        if (status != ReportStatus.SUBMITTED) {
            throw new BusinessRuleException("只有待定稿的报告可以退回，当前状态：" + status.label());
        }
        requireNotSubmittedBy(actor);
        status = ReportStatus.DRAFT;
        decisions.add(new ReportDecision(ReportAction.RETURN, actor, now, reason(reason, "退回")));
        touch();
    }

    /**
     * FINAL → the next revision as a draft (the blocks are copied by the caller). This revision stays final and
     * unchanged.
     */
    AnnualReport reopen(Actor actor, LocalDateTime now, String reason) {
        if (status != ReportStatus.FINAL) {
            throw new BusinessRuleException("只有已定稿的报告可以重新打开，当前状态：" + status.label());
        }
        String why = reason(reason, "重新打开");
        decisions.add(new ReportDecision(ReportAction.REOPEN, actor, now, why));
        touch();
        AnnualReport next = new AnnualReport(orgId, period(), revision + 1, getId(), templateId);
        next.decisions.add(new ReportDecision(ReportAction.REOPEN, actor, now, "在第" + revision + "版基础上重新打开：" + why));
        return next;
    }

    void chooseTemplate(Long templateId) {
        requireEditable();
        this.templateId = templateId;
        touch();
    }

    private static String reason(String reason, String verb) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException(verb + "报告时请填写原因");
        }
        String text = reason.trim();
        if (text.length() > MAX_REASON) {
            throw new BusinessRuleException("原因最长" + MAX_REASON + "字");
        }
        return text;
    }

    long orgId() {
        return orgId;
    }

    int year() {
        return reportYear;
    }

    Period period() {
        return new Period(reportYear, part);
    }

    /** How the history and the audit name the report: 「2025年度报告」, 「2025年上半年报告」. */
    String title() {
        return title(period());
    }

    static String title(Period period) {
        return period.wholeYear() ? period.year() + "年度报告" : period.label() + "报告";
    }

    int revision() {
        return revision;
    }

    ReportStatus status() {
        return status;
    }

    Long templateId() {
        return templateId;
    }

    Long revisedFromId() {
        return revisedFromId;
    }

    LocalDateTime finalisedAt() {
        return finalisedAt;
    }

    List<ReportDecision> decisions() {
        return decisions;
    }

    List<SnapshotFigure> snapshot() {
        return snapshot;
    }

    /** Who acts on a report: the account's username and the name shown in the history. */
    /** 不自批: the one who submitted this revision does not finalise or return it. */
    private void requireNotSubmittedBy(Actor actor) {
        submitter()
                .ifPresent(username -> Decisions.requireOther(
                        Decisions.Party.account(username), Decisions.Party.account(actor.username()), "年度报告"));
    }

    /** The account that last submitted this revision, if it was submitted: it does not decide it. */
    Optional<String> submitter() {
        return decisions.stream()
                .filter(d -> d.action() == ReportAction.SUBMIT)
                .reduce((first, second) -> second)
                .map(d -> d.actorUsername());
    }

    record Actor(String username, String name) {}
}
