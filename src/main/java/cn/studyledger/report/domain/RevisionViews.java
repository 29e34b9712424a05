package cn.studyledger.report.domain;

import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Role;
import cn.studyledger.figure.Period;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.ReportStatus;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the report editor shows of a revision: its blocks and proposals with their tokens resolved (live figures
 * for a draft, the frozen snapshot of a final one), and which actions the current user is offered on it; the
 * default template, unsaved, for someone who may not create the year's report.
 */
@Component
class RevisionViews {

    private final NarrativeBlockRepository blocks;
    private final ProposalRepository proposals;
    private final ReportFigures figures;
    private final RuleDrafts problems;

    RevisionViews(
            NarrativeBlockRepository blocks, ProposalRepository proposals, ReportFigures figures, RuleDrafts problems) {
        this.blocks = blocks;
        this.proposals = proposals;
        this.figures = figures;
        this.problems = problems;
    }

    ReportViews.Report view(AnnualReport report, OrgRef org, boolean latest) {
        Map<String, FigureValue> values = figures.of(report, org);
        List<ReportViews.Block> shown = blocks.findByReportIdOrderByPosition(report.getId()).stream()
                .map(b -> block(b, values))
                .toList();
        List<ReportViews.ProposalView> proposalViews = proposals.findByReportIdOrderById(report.getId()).stream()
                .map(p -> new ReportViews.ProposalView(
                        p.getId(),
                        p.getVersion(),
                        p.section(),
                        p.sourceKey(),
                        p.rule(),
                        p.finding(),
                        p.body(),
                        Tokens.render(p.body(), values),
                        p.status(),
                        p.evidence().stream()
                                .map(l -> new ReportViews.Link(l.title(), l.url()))
                                .toList()))
                .toList();
        return new ReportViews.Report(
                report.getId(),
                org.code(),
                org.name(),
                report.year(),
                report.period().apiName(),
                report.revision(),
                report.status(),
                report.getVersion(),
                latest,
                report.finalisedAt(),
                report.templateId(),
                shown,
                proposalViews,
                List.copyOf(values.values()),
                figures.drift(report, org),
                actions(report, org, latest));
    }

    /**
     * The default template with live figures and 三、四 drafted from the rules, as the year's report will start;
     * nothing to act on yet.
     */
    ReportViews.Report unsaved(OrgRef org, Period period) {
        Map<String, FigureValue> values = figures.live(org, period);
        List<ReportViews.Block> shown = problems.firstDraft(org, period, figures.template(org, period)).stream()
                .map(d -> new ReportViews.Block(
                        null,
                        0,
                        d.kind(),
                        d.section(),
                        d.heading(),
                        d.body(),
                        Tokens.segments(d.heading(), values),
                        Tokens.segments(d.body(), values),
                        false))
                .toList();
        return new ReportViews.Report(
                null,
                org.code(),
                org.name(),
                period.year(),
                period.apiName(),
                0,
                ReportStatus.DRAFT,
                0,
                true,
                null,
                null,
                shown,
                List.of(),
                List.copyOf(values.values()),
                List.of(),
                new ReportViews.Actions(false, false, false, false, false, true));
    }

    /** One block as saved, its tokens resolved with the live figures of the year. */
    ReportViews.Block block(NarrativeBlock block, OrgRef org, Period period) {
        return block(block, figures.live(org, period));
    }

    private static ReportViews.Actions actions(AnnualReport report, OrgRef org, boolean latest) {
        LedgerUser user = CurrentUser.require();
        boolean clerk = user.hasRoleAt(Role.CLERK, org.path());
        boolean leader = user.hasRoleAt(Role.LEADER, org.path());
        ReportStatus s = report.status();
        // 不自批: whoever submitted the report is not offered its decision.
        boolean decides = latest
                && leader
                && s == ReportStatus.SUBMITTED
                && !report.submitter().orElse("").equals(user.getUsername());
        return new ReportViews.Actions(
                latest && clerk && s == ReportStatus.DRAFT,
                latest && clerk && s == ReportStatus.DRAFT,
                decides,
                decides,
                latest && leader && s == ReportStatus.FINAL,
                true);
    }

    private static ReportViews.Block block(NarrativeBlock b, Map<String, FigureValue> values) {
        return new ReportViews.Block(
                b.getId(),
                b.getVersion(),
                b.kind(),
                b.section(),
                b.heading(),
                b.body(),
                Tokens.segments(b.heading(), values),
                Tokens.segments(b.body(), values),
                b.proposalId() != null);
    }
}
