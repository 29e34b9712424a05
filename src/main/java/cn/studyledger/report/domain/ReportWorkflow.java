package cn.studyledger.report.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.jdbc.FirstTimeRows;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.figure.Period;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.ReportStatus;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The life of the year's report: its first revision made from the default template, DRAFT → SUBMITTED by the
 * clerk, SUBMITTED → FINAL by the 组长 (the figures frozen with the revision), a submitted draft sent back or a
 * final revision reopened as the next revision's draft copy. Every step is audited.
 */
@Component
class ReportWorkflow {

    static final int POSITION_STEP = 1000;

    private final AnnualReportRepository reports;
    private final NarrativeBlockRepository blocks;
    private final ProposalRepository proposals;
    private final ReportFigures figures;
    private final RevisionViews views;
    private final AuditLog audit;
    private final FirstTimeRows firstTime;
    private final Clock clock;

    ReportWorkflow(
            AnnualReportRepository reports,
            NarrativeBlockRepository blocks,
            ProposalRepository proposals,
            ReportFigures figures,
            RevisionViews views,
            AuditLog audit,
            FirstTimeRows firstTime,
            Clock clock) {
        this.reports = reports;
        this.blocks = blocks;
        this.proposals = proposals;
        this.figures = figures;
        this.views = views;
        this.audit = audit;
        this.firstTime = firstTime;
        this.clock = clock;
    }

    /** The period's first revision, a draft of the default template's blocks for that period. */
    AnnualReport create(OrgRef org, Period period) {
        int year = period.year();
        if (year < 2000 || year > 2100) {
            throw new BusinessRuleException("年度应在2000至2100之间");
        }
        // Two clerks opening the year at the same moment make one report: the row is inserted if absent, and the
        // one whose insert did nothing shows the other's (committed with its blocks before the insert returned).
        Map<String, Object> row = new HashMap<>();
        row.put("org_id", org.id());
        row.put("report_year", year);
        row.put("report_period", period.part().name());
        row.put("revision", 1);
        row.put("status", ReportStatus.DRAFT.name());
        boolean created = firstTime.insertIfAbsent("report_annual_report", row);
        AnnualReport report = reports.revision(org.id(), period, 1).orElseThrow();
        if (!created) {
            return report;
        }
        report.created(actor(), now());
        reports.saveAndFlush(report);
        int position = 0;
        for (DefaultTemplate.Draft d : figures.template(org, period)) {
            position += POSITION_STEP;
            blocks.save(
                    new NarrativeBlock(report.getId(), position, d.kind(), d.section(), d.heading(), d.body(), null));
        }
        blocks.flush();
        audit.record(
                AuditAction.CREATE,
                ReportEditorService.OBJECT,
                report.getId(),
                org.code() + " " + AnnualReport.title(period) + "第1版草稿（默认模板）");
        return report;
    }

    /**
     * DRAFT → SUBMITTED: the clerk hands the report to the 组长, having confirmed each 【待补充】 still in it (by
     * {@link ReportViews.Gap#id}); one not confirmed refuses the submission, naming where it is.
     */
    ReportViews.Report submit(OrgRef org, AnnualReport report, long expectedVersion, Collection<String> confirmed) {
        report.checkVersion(expectedVersion);
        List<ReportViews.Gap> gaps = views.view(report, org, true).gaps();
        List<ReportViews.Gap> open =
                gaps.stream().filter(g -> !confirmed.contains(g.id())).toList();
        if (!open.isEmpty()) {
            throw new BusinessRuleException("报告中还有" + open.size() + "处【待补充】未确认，请逐处核对，确需保留的勾选确认后再提交："
                    + open.stream()
                            .limit(3)
                            .map(g -> g.section() + "“" + g.context() + "”")
                            .collect(Collectors.joining("；"))
                    + (open.size() > 3 ? "等" : ""));
        }
        report.submit(actor(), now());
        return saved(
                report,
                org,
                "提交第" + report.revision() + "版，报组长定稿" + (gaps.isEmpty() ? "" : "（确认保留【待补充】" + gaps.size() + "处）"));
    }

    /** SUBMITTED → FINAL: the figures as they are now are frozen with the revision. */
    ReportViews.Report finalise(OrgRef org, AnnualReport report, long expectedVersion) {
        report.checkVersion(expectedVersion);
        LocalDateTime now = now();
        report.finalise(actor(), now, ReportFigures.snapshot(figures.live(org, report.period()), now));
        return saved(
                report,
                org,
                "第" + report.revision() + "版定稿，冻结指标" + report.snapshot().size() + "项");
    }

    /**
     * The 组长 sends a submitted draft back (same revision, DRAFT again) or reopens a final one (the next revision
     * as a draft copy); the reason is required and kept in the history.
     */
    ReportViews.Report reopen(OrgRef org, AnnualReport report, long expectedVersion, String reason) {
        report.checkVersion(expectedVersion);
        if (report.status() == ReportStatus.SUBMITTED) {
            report.sendBack(actor(), now(), reason);
            return saved(report, org, "退回第" + report.revision() + "版：" + reason.trim());
        }
        AnnualReport next = report.reopen(actor(), now(), reason);
        reports.saveAndFlush(report);
        try {
            reports.saveAndFlush(next);
        } catch (DataIntegrityViolationException e) {
            throw new BusinessRuleException("报告已被他人重新打开，请刷新页面后查看");
        }
        copyContent(report, next);
        String yearReport = org.code() + " " + report.title();
        audit.record(
                AuditAction.UPDATE,
                ReportEditorService.OBJECT,
                report.getId(),
                yearReport + "第" + report.revision() + "版重新打开：" + reason.trim());
        audit.record(
                AuditAction.CREATE,
                ReportEditorService.OBJECT,
                next.getId(),
                yearReport + "第" + next.revision() + "版草稿（由第" + report.revision() + "版复制）");
        return views.view(next, org, true);
    }

    /** The blocks and proposals of a reopened revision, copied to the next one with their links kept. */
    private void copyContent(AnnualReport from, AnnualReport to) {
        Map<Long, Proposal> copiedProposals = new HashMap<>();
        for (Proposal p : proposals.findByReportIdOrderById(from.getId())) {
            copiedProposals.put(p.getId(), proposals.save(p.copyTo(to.getId(), null)));
        }
        proposals.flush();
        for (NarrativeBlock b : blocks.findByReportIdOrderByPosition(from.getId())) {
            Proposal source = b.proposalId() == null ? null : copiedProposals.get(b.proposalId());
            NarrativeBlock copy = blocks.save(new NarrativeBlock(
                    to.getId(),
                    b.position(),
                    b.kind(),
                    b.section(),
                    b.heading(),
                    b.body(),
                    source == null ? null : source.getId()));
            if (source != null) {
                blocks.flush();
                source.madeInto(copy.getId());
            }
        }
        blocks.flush();
        proposals.flush();
    }

    private ReportViews.Report saved(AnnualReport report, OrgRef org, String summary) {
        reports.saveAndFlush(report);
        audit.record(
                AuditAction.UPDATE,
                ReportEditorService.OBJECT,
                report.getId(),
                org.code() + " " + report.title() + "：" + summary);
        return views.view(report, org, true);
    }

    private static AnnualReport.Actor actor() {
        LedgerUser user = CurrentUser.require();
        String name =
                user.displayName() == null || user.displayName().isBlank() ? user.getUsername() : user.displayName();
        return new AnnualReport.Actor(user.getUsername(), name);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
