package cn.studyledger.report.domain;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.figure.Period;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.FindingSource;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The annual report editor: the year's report made from the default template when first opened by the clerk,
 * narrative blocks edited with figure tokens (version-checked per block), the problems draft for sections 三 and 四
 * proposed from the rules’ findings, submission by the clerk, finalisation (figures frozen) and reopening by
 * the 组长, users' own .docx templates. Reads need the organisation in sight and {@code report:report:export};
 * the clerk's writes CLERK there, the 组长's decisions LEADER there. Every change is audited.
 *
 * <p>This is the editor's entry point: it authorises each call, finds the organisation and the year's current
 * revision, and hands the work to the part responsible for it — {@link ReportBlocks} (the narrative blocks),
 * {@link ProblemsDraft} (the proposals from the findings), {@link ReportWorkflow} (creation, submission,
 * finalisation, reopening), {@link ReportTemplates} (the .docx templates) and {@link RevisionViews} (what the pages
 * show).
 */
@Service
@Transactional
public class ReportEditorService {

    static final String OBJECT = "年度报告";

    private static final String READ = "hasAuthority('" + Permissions.REPORT_EXPORT + "')";
    private static final String EDIT = "hasAuthority('" + Permissions.REPORT_EDIT + "')";
    private static final String APPROVE = "hasAuthority('" + Permissions.REPORT_APPROVE + "')";

    private final AnnualReportRepository reports;
    private final OrgApi orgs;
    private final RevisionViews views;
    private final ReportBlocks blocks;
    private final ProblemsDraft problems;
    private final ReportWorkflow workflow;
    private final ReportTemplates templates;

    ReportEditorService(
            AnnualReportRepository reports,
            OrgApi orgs,
            RevisionViews views,
            ReportBlocks blocks,
            ProblemsDraft problems,
            ReportWorkflow workflow,
            ReportTemplates templates) {
        this.reports = reports;
        this.orgs = orgs;
        this.views = views;
        this.blocks = blocks;
        this.problems = problems;
        this.workflow = workflow;
        this.templates = templates;
    }

    // ---------------------------------------------------------------- reading

    /**
     * The year's current revision. The first time the clerk opens it, it is made from the default template; others
     * see the default template unsaved until then.
     */
    @PreAuthorize(READ)
    public ReportViews.Report open(String orgCode, Period period) {
        OrgRef org = orgs.requireReadable(orgCode);
        Optional<AnnualReport> current = reports.current(org.id(), period);
        if (current.isPresent()) {
            return views.view(current.get(), org, true);
        }
        if (CurrentUser.require().hasRoleAt(Role.CLERK, org.path())) {
            // the year's first revision comes with the problems draft of the records as they are, so 三 and 四
            // are one click each from what the first download already showed
            AnnualReport created = workflow.create(org, period);
            problems.propose(org, created);
            return views.view(created, org, true);
        }
        return views.unsaved(org, period);
    }

    /** One revision, current or historical (a final one shows its frozen figures). */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public ReportViews.Report revision(String orgCode, Period period, int revision) {
        OrgRef org = orgs.requireReadable(orgCode);
        AnnualReport report =
                reports.revision(org.id(), period, revision).orElseThrow(() -> NotFoundException.of(OBJECT));
        boolean latest = reports.current(org.id(), period)
                .map(r -> r.revision() == revision)
                .orElse(true);
        return views.view(report, org, latest);
    }

    /** Every revision of the year, newest first, with its decisions. */
    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<ReportViews.Revision> history(String orgCode, Period period) {
        OrgRef org = orgs.requireReadable(orgCode);
        return reports
                .findByOrgIdAndReportYearAndPartOrderByRevisionDesc(org.id(), period.year(), period.part())
                .stream()
                .map(r -> new ReportViews.Revision(
                        r.revision(),
                        r.status(),
                        r.finalisedAt(),
                        r.decisions().stream()
                                .map(d -> new ReportViews.Decision(
                                        d.action().label(), d.actorName(), d.decidedAt(), d.comment()))
                                .toList()))
                .toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READ)
    public List<ReportViews.Template> templates(String orgCode) {
        return templates.of(orgs.requireReadable(orgCode));
    }

    // ---------------------------------------------------------------- the clerk's edits

    /** Rewrites one block; refused when someone saved it since ({@link BlockConflictException}) or a token is unknown. */
    @PreAuthorize(EDIT)
    public ReportViews.Block editBlock(
            String orgCode, Period period, long blockId, long expectedVersion, String heading, String body) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        return blocks.edit(org, current(org, period), blockId, expectedVersion, heading, body);
    }

    /** Chooses one of the organisation's uploaded templates for the .docx, or the standard layout (null). */
    @PreAuthorize(EDIT)
    public void chooseTemplate(String orgCode, Period period, long expectedVersion, Long templateId) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        templates.choose(org, current(org, period), expectedVersion, templateId);
    }

    /**
     * Stores a user's .docx template after checking its tags; nothing is stored when a tag is unknown (the message
     * lists them).
     */
    @PreAuthorize(EDIT)
    public ReportViews.Template uploadTemplate(String orgCode, MultipartFile upload) {
        return templates.upload(orgs.requireRole(orgCode, Role.CLERK), upload);
    }

    /**
     * DRAFT → SUBMITTED: the clerk hands the report to the 组长, confirming each 【待补充】 left in it.
     *
     * @param confirmedGaps the {@link ReportViews.Gap#id}s of the gaps the clerk confirms, empty for none
     */
    @PreAuthorize(EDIT)
    public ReportViews.Report submit(
            String orgCode, Period period, long expectedVersion, Collection<String> confirmedGaps) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        return workflow.submit(org, current(org, period), expectedVersion, confirmedGaps);
    }

    // ---------------------------------------------------------------- the 组长's decisions

    /** SUBMITTED → FINAL: the figures as they are now are frozen with the revision. */
    @PreAuthorize(APPROVE)
    public ReportViews.Report finalise(String orgCode, Period period, long expectedVersion) {
        OrgRef org = orgs.requireRole(orgCode, Role.LEADER);
        return workflow.finalise(org, current(org, period), expectedVersion);
    }

    /**
     * The 组长 sends a submitted draft back (same revision, DRAFT again) or reopens a final one (the next revision
     * as a draft copy); the reason is required and kept in the history.
     */
    @PreAuthorize(APPROVE)
    public ReportViews.Report reopen(String orgCode, Period period, long expectedVersion, String reason) {
        OrgRef org = orgs.requireRole(orgCode, Role.LEADER);
        return workflow.reopen(org, current(org, period), expectedVersion, reason);
    }

    // ---------------------------------------------------------------- the problems draft

    /**
     * 生成问题草稿: one proposal for 三 and one for 四 per rule finding (every {@link FindingSource}). Proposals
     * already kept or dropped stay as they are; undecided ones no longer found go.
     */
    @PreAuthorize(EDIT)
    public int propose(String orgCode, Period period) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        return problems.propose(org, current(org, period));
    }

    /** Keeps a proposal (with the user's wording): it becomes a numbered （n） paragraph of its section. */
    @PreAuthorize(EDIT)
    public void keep(String orgCode, Period period, long proposalId, long expectedVersion, String text) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        problems.keep(org, current(org, period), proposalId, expectedVersion, text);
    }

    @PreAuthorize(EDIT)
    public void drop(String orgCode, Period period, long proposalId, long expectedVersion) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        problems.drop(org, current(org, period), proposalId, expectedVersion);
    }

    /** Removes a paragraph made from a proposal. */
    @PreAuthorize(EDIT)
    public void removeBlock(String orgCode, Period period, long blockId, long expectedVersion) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        blocks.remove(org, current(org, period), blockId, expectedVersion);
    }

    private AnnualReport current(OrgRef org, Period period) {
        return reports.current(org.id(), period)
                .orElseThrow(() -> new NotFoundException(period.label() + "报告尚未创建，请先打开报告页面"));
    }
}
