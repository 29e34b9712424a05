package cn.studyledger.report.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.files.StoredFile;
import cn.studyledger.common.jdbc.FirstTimeRows;
import cn.studyledger.common.security.CurrentUser;
import cn.studyledger.common.security.LedgerUser;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.BlockKind;
import cn.studyledger.report.Finding;
import cn.studyledger.report.FindingSource;
import cn.studyledger.report.ReportStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
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
 */
@Service
@Transactional
public class ReportEditorService {

    static final String OBJECT = "年度报告";
    static final int POSITION_STEP = 1000;
    static final int MAX_EVIDENCE = 20;
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final AnnualReportRepository reports;
    private final NarrativeBlockRepository blocks;
    private final ProposalRepository proposals;
    private final ReportTemplateRepository templates;
    private final ReportFigures figures;
    private final UserTemplates userTemplates;
    private final FileStore files;
    private final OrgApi orgs;
    private final AuditLog audit;
    private final ObjectProvider<FindingSource> findingSources;
    private final FirstTimeRows firstTime;
    private final Clock clock;

    ReportEditorService(
            AnnualReportRepository reports,
            NarrativeBlockRepository blocks,
            ProposalRepository proposals,
            ReportTemplateRepository templates,
            ReportFigures figures,
            UserTemplates userTemplates,
            FileStore files,
            OrgApi orgs,
            AuditLog audit,
            ObjectProvider<FindingSource> findingSources,
            FirstTimeRows firstTime,
            Clock clock) {
        this.clock = clock;
        this.firstTime = firstTime;
        this.reports = reports;
        this.blocks = blocks;
        this.proposals = proposals;
        this.templates = templates;
        this.figures = figures;
        this.userTemplates = userTemplates;
        this.files = files;
        this.orgs = orgs;
        this.audit = audit;
        this.findingSources = findingSources;
    }

    // ---------------------------------------------------------------- reading

    /**
     * The year's current revision. The first time the clerk opens it, it is made from the default template; others
     * see the default template unsaved until then.
     */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    public ReportViews.Report open(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        Optional<AnnualReport> current = reports.findFirstByOrgIdAndReportYearOrderByRevisionDesc(org.id(), year);
        if (current.isPresent()) {
            return view(current.get(), org, true);
        }
        if (CurrentUser.require().hasRoleAt(Role.CLERK, org.path())) {
            return view(create(org, year), org, true);
        }
        return unsaved(org, year);
    }

    /** One revision, current or historical (a final one shows its frozen figures). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    public ReportViews.Report revision(String orgCode, int year, int revision) {
        OrgRef org = orgs.requireReadable(orgCode);
        AnnualReport report = reports.findByOrgIdAndReportYearAndRevision(org.id(), year, revision)
                .orElseThrow(() -> NotFoundException.of(OBJECT));
        boolean latest = reports.findFirstByOrgIdAndReportYearOrderByRevisionDesc(org.id(), year)
                .map(r -> r.revision() == revision)
                .orElse(true);
        return view(report, org, latest);
    }

    /** Every revision of the year, newest first, with its decisions. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    public List<ReportViews.Revision> history(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        return reports.findByOrgIdAndReportYearOrderByRevisionDesc(org.id(), year).stream()
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
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    public List<ReportViews.Template> templates(String orgCode) {
        OrgRef org = orgs.requireReadable(orgCode);
        return templates.findByOrgIdOrderByIdDesc(org.id()).stream()
                .map(ReportEditorService::templateOf)
                .toList();
    }

    // ---------------------------------------------------------------- the clerk's edits

    /** Rewrites one block; refused when someone saved it since ({@link BlockConflictException}) or a token is unknown. */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    public ReportViews.Block editBlock(
            String orgCode, int year, long blockId, long expectedVersion, String heading, String body) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        AnnualReport report = current(org, year);
        NarrativeBlock block = blocks.findById(blockId)
                .filter(b -> b.reportId() == report.getId())
                .orElseThrow(() -> NotFoundException.of("报告段落"));
        report.requireEditable();
        if (block.getVersion() != expectedVersion) {
            throw new BlockConflictException();
        }
        requireKnownTokens((heading == null ? "" : heading) + " " + (body == null ? "" : body));
        block.rewrite(heading, body);
        blocks.saveAndFlush(block);
        audit.record(
                AuditAction.UPDATE,
                OBJECT,
                report.getId(),
                org.code() + " " + year + "年度报告第" + report.revision() + "版：修改"
                        + block.kind().label() + "#" + block.getId() + "（"
                        + DefaultTemplate.sectionLabel(block.section()) + "）");
        Map<String, FigureValue> values = figures.live(org, year);
        return block(block, values);
    }

    /** Chooses one of the organisation's uploaded templates for the .docx, or the standard layout (null). */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    public void chooseTemplate(String orgCode, int year, long expectedVersion, Long templateId) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        AnnualReport report = current(org, year);
        report.checkVersion(expectedVersion);
        String name = "标准版式（GB/T 9704）";
        if (templateId != null) {
            ReportTemplate t = templates
                    .findById(templateId)
                    .filter(x -> x.orgId() == org.id())
                    .orElseThrow(() -> NotFoundException.of("报告模板"));
            name = t.name();
        }
        report.chooseTemplate(templateId);
        reports.saveAndFlush(report);
        audit.record(AuditAction.UPDATE, OBJECT, report.getId(), org.code() + " " + year + "年度报告选用模板：" + name);
    }

    /**
     * Stores a user's .docx template after checking its tags; nothing is stored when a tag is unknown (the message
     * lists them).
     */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    public ReportViews.Template uploadTemplate(String orgCode, MultipartFile upload) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        if (upload == null || upload.isEmpty()) {
            throw new BusinessRuleException("请选择要上传的 Word（.docx）模板");
        }
        byte[] bytes;
        try {
            bytes = upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> tags = userTemplates.validate(bytes, figures.knownKeys());
        StoredFile file =
                files.store(upload.getOriginalFilename(), new ByteArrayInputStream(bytes), List.of(FileKind.DOCX));
        ReportTemplate template =
                templates.saveAndFlush(new ReportTemplate(org.id(), file.originalName(), file.id(), tags));
        audit.record(
                AuditAction.CREATE,
                "报告模板",
                template.getId(),
                org.code() + " 上传报告模板“" + file.originalName() + "”，标签" + tags.size() + "个");
        return templateOf(template);
    }

    /** DRAFT → SUBMITTED: the clerk hands the report to the 组长. */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    public ReportViews.Report submit(String orgCode, int year, long expectedVersion) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        AnnualReport report = current(org, year);
        report.checkVersion(expectedVersion);
        report.submit(actor(), now());
        return saved(report, org, "提交第" + report.revision() + "版年度报告，报组长定稿");
    }

    // ---------------------------------------------------------------- the 组长's decisions

    /** SUBMITTED → FINAL: the figures as they are now are frozen with the revision. */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_APPROVE + "')")
    public ReportViews.Report finalise(String orgCode, int year, long expectedVersion) {
        OrgRef org = orgs.requireRole(orgCode, Role.LEADER);
        AnnualReport report = current(org, year);
        report.checkVersion(expectedVersion);
        LocalDateTime now = now();
        report.finalise(actor(), now, ReportFigures.snapshot(figures.live(org, year), now));
        return saved(
                report,
                org,
                "第" + report.revision() + "版年度报告定稿，冻结指标" + report.snapshot().size() + "项");
    }

    /**
     * The 组长 sends a submitted draft back (same revision, DRAFT again) or reopens a final one (the next revision
     * as a draft copy); the reason is required and kept in the history.
     */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_APPROVE + "')")
    public ReportViews.Report reopen(String orgCode, int year, long expectedVersion, String reason) {
        OrgRef org = orgs.requireRole(orgCode, Role.LEADER);
        AnnualReport report = current(org, year);
        report.checkVersion(expectedVersion);
        if (report.status() == ReportStatus.SUBMITTED) {
            report.sendBack(actor(), now(), reason);
            return saved(report, org, "退回第" + report.revision() + "版年度报告：" + reason.trim());
        }
        AnnualReport next = report.reopen(actor(), now(), reason);
        reports.saveAndFlush(report);
        try {
            reports.saveAndFlush(next);
        } catch (DataIntegrityViolationException e) {
            throw new BusinessRuleException("报告已被他人重新打开，请刷新页面后查看");
        }
        copyContent(report, next);
        audit.record(
                AuditAction.UPDATE,
                OBJECT,
                report.getId(),
                org.code() + " " + year + "年度报告第" + report.revision() + "版重新打开：" + reason.trim());
        audit.record(
                AuditAction.CREATE,
                OBJECT,
                next.getId(),
                org.code() + " " + year + "年度报告第" + next.revision() + "版草稿（由第" + report.revision() + "版复制）");
        return view(next, org, true);
    }

    // ---------------------------------------------------------------- the problems draft

    /**
     * 生成问题草稿: one proposal for 三 and one for 四 per rule finding (or, with no rules module, per figure that
     * shows a shortfall). Proposals already kept or dropped stay as they are; undecided ones no longer found go.
     */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    public int propose(String orgCode, int year) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        AnnualReport report = current(org, year);
        report.requireEditable();
        List<Candidate> candidates = candidates(org, year);
        List<Proposal> existing = proposals.findByReportIdOrderById(report.getId());
        Set<String> wanted = new HashSet<>();
        candidates.forEach(c -> wanted.add(c.section() + c.sourceKey()));
        Set<String> present = new HashSet<>();
        for (Proposal p : existing) {
            if (p.status() == ProposalStatus.PROPOSED && !wanted.contains(p.section() + p.sourceKey())) {
                proposals.delete(p);
            } else {
                present.add(p.section() + p.sourceKey());
            }
        }
        int added = 0;
        for (Candidate c : candidates) {
            if (present.add(c.section() + c.sourceKey())) {
                proposals.save(new Proposal(
                        report.getId(), c.section(), c.sourceKey(), c.rule(), c.finding(), c.body(), c.evidence()));
                added++;
            }
        }
        proposals.flush();
        audit.record(
                AuditAction.UPDATE,
                OBJECT,
                report.getId(),
                org.code() + " " + year + "年度报告生成问题草稿：新增建议" + added + "条，共" + candidates.size() + "条");
        return added;
    }

    /** Keeps a proposal (with the user's wording): it becomes a numbered （n） paragraph of its section. */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    public void keep(String orgCode, int year, long proposalId, long expectedVersion, String text) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        AnnualReport report = current(org, year);
        report.requireEditable();
        Proposal proposal = proposal(report, proposalId);
        proposal.checkVersion(expectedVersion);
        requireKnownTokens(text);
        proposal.keep(text);
        List<NarrativeBlock> all = blocks.findByReportIdOrderByPosition(report.getId());
        List<NarrativeBlock> section =
                all.stream().filter(b -> b.section().equals(proposal.section())).toList();
        section.stream()
                .filter(b -> b.kind() == BlockKind.BODY && Tokens.MISSING.equals(b.body()))
                .forEach(blocks::delete);
        int last = section.stream().mapToInt(NarrativeBlock::position).max().orElse(0);
        String[] parts = split(proposal.body());
        NarrativeBlock block = blocks.save(new NarrativeBlock(
                report.getId(),
                last + 1,
                BlockKind.HEADING2,
                proposal.section(),
                "（一）" + parts[0],
                parts[1],
                proposal.getId()));
        blocks.flush();
        proposal.madeInto(block.getId());
        proposals.saveAndFlush(proposal);
        renumber(report.getId(), proposal.section());
        audit.record(
                AuditAction.UPDATE,
                OBJECT,
                report.getId(),
                org.code() + " " + year + "年度报告采用建议#" + proposal.getId() + "（"
                        + DefaultTemplate.sectionLabel(proposal.section()) + "）");
    }

    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    public void drop(String orgCode, int year, long proposalId, long expectedVersion) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        AnnualReport report = current(org, year);
        report.requireEditable();
        Proposal proposal = proposal(report, proposalId);
        proposal.checkVersion(expectedVersion);
        proposal.drop();
        proposals.saveAndFlush(proposal);
        audit.record(
                AuditAction.UPDATE, OBJECT, report.getId(), org.code() + " " + year + "年度报告不采用建议#" + proposal.getId());
    }

    /** Removes a paragraph made from a proposal (the proposal is then dropped). */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    public void removeBlock(String orgCode, int year, long blockId, long expectedVersion) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        AnnualReport report = current(org, year);
        report.requireEditable();
        NarrativeBlock block = blocks.findById(blockId)
                .filter(b -> b.reportId() == report.getId())
                .orElseThrow(() -> NotFoundException.of("报告段落"));
        if (block.proposalId() == null) {
            throw new BusinessRuleException("只有由问题草稿采用的段落可以删除，模板段落请直接修改文字");
        }
        if (block.getVersion() != expectedVersion) {
            throw new BlockConflictException();
        }
        blocks.delete(block);
        blocks.flush();
        renumber(report.getId(), block.section());
        audit.record(
                AuditAction.DELETE,
                OBJECT,
                report.getId(),
                org.code() + " " + year + "年度报告删除段落#" + blockId + "（" + DefaultTemplate.sectionLabel(block.section())
                        + "）");
    }

    // ---------------------------------------------------------------- internals

    private AnnualReport create(OrgRef org, int year) {
        if (year < 2000 || year > 2100) {
            throw new BusinessRuleException("年度应在2000至2100之间");
        }
        // Two clerks opening the year at the same moment make one report: the row is inserted if absent, and the
        // one whose insert did nothing shows the other's (committed with its blocks before the insert returned).
        Map<String, Object> row = new HashMap<>();
        row.put("org_id", org.id());
        row.put("report_year", year);
        row.put("revision", 1);
        row.put("status", ReportStatus.DRAFT.name());
        boolean created = firstTime.insertIfAbsent("report_annual_report", row);
        AnnualReport report =
                reports.findByOrgIdAndReportYearAndRevision(org.id(), year, 1).orElseThrow();
        if (!created) {
            return report;
        }
        report.created(actor(), now());
        reports.saveAndFlush(report);
        int position = 0;
        for (DefaultTemplate.Draft d : DefaultTemplate.blocks(figures.definitions())) {
            position += POSITION_STEP;
            blocks.save(
                    new NarrativeBlock(report.getId(), position, d.kind(), d.section(), d.heading(), d.body(), null));
        }
        blocks.flush();
        audit.record(AuditAction.CREATE, OBJECT, report.getId(), org.code() + " " + year + "年度报告第1版草稿（默认模板）");
        return report;
    }

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

    private void renumber(long reportId, String section) {
        int n = 0;
        for (NarrativeBlock b : blocks.findByReportIdOrderByPosition(reportId)) {
            if (b.section().equals(section) && b.proposalId() != null && b.kind() == BlockKind.HEADING2) {
                b.renumber(n < NUMERALS.length ? NUMERALS[n] : String.valueOf(n + 1));
                n++;
            }
        }
        blocks.flush();
    }

    /** A proposal's text as heading (its first sentence) and the rest. */
    static String[] split(String text) {
        int end = text.indexOf('。');
        if (end < 0 || end == text.length() - 1) {
            return new String[] {text, ""};
        }
        return new String[] {text.substring(0, end + 1), text.substring(end + 1)};
    }

    /** The proposals the findings of the rules (every {@link FindingSource}) make for sections 三 and 四. */
    private List<Candidate> candidates(OrgRef org, int year) {
        List<Candidate> candidates = new ArrayList<>();
        for (FindingSource source : findingSources.orderedStream().toList()) {
            for (Finding f : source.findings(org.code(), year)) {
                String key = cut(f.ruleKey(), 80) + "#"
                        + Integer.toHexString(
                                f.finding() == null ? 0 : f.finding().hashCode());
                List<Proposal.Link> links = f.evidence().stream()
                        .limit(MAX_EVIDENCE)
                        .map(e -> new Proposal.Link(
                                e.type() + "："
                                        + e.title()
                                        + (e.detail() == null || e.detail().isBlank() ? "" : "（" + e.detail() + "）"),
                                e.url()))
                        .toList();
                if (f.problem() != null && !f.problem().isBlank()) {
                    candidates.add(
                            new Candidate(DefaultTemplate.PROBLEMS, key, f.rule(), f.finding(), f.problem(), links));
                }
                if (f.nextStep() != null && !f.nextStep().isBlank()) {
                    candidates.add(
                            new Candidate(DefaultTemplate.NEXT, key, f.rule(), f.finding(), f.nextStep(), links));
                }
            }
        }
        return candidates;
    }

    private static String cut(String s, int max) {
        String t = s == null ? "" : s;
        return t.length() > max ? t.substring(0, max) : t;
    }

    private record Candidate(
            String section, String sourceKey, String rule, String finding, String body, List<Proposal.Link> evidence) {}

    private void requireKnownTokens(String text) {
        List<String> unknown = Tokens.unknown(text, figures.knownKeys());
        if (!unknown.isEmpty()) {
            throw new BusinessRuleException("以下指标标签不存在，未保存：" + String.join("、", unknown));
        }
    }

    private Proposal proposal(AnnualReport report, long proposalId) {
        return proposals
                .findById(proposalId)
                .filter(p -> p.reportId() == report.getId())
                .orElseThrow(() -> NotFoundException.of("问题草稿建议"));
    }

    private AnnualReport current(OrgRef org, int year) {
        return reports.findFirstByOrgIdAndReportYearOrderByRevisionDesc(org.id(), year)
                .orElseThrow(() -> new NotFoundException("本年度报告尚未创建，请先打开年度报告页面"));
    }

    private ReportViews.Report saved(AnnualReport report, OrgRef org, String summary) {
        reports.saveAndFlush(report);
        audit.record(AuditAction.UPDATE, OBJECT, report.getId(), org.code() + " " + report.year() + "年度报告：" + summary);
        return view(report, org, true);
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
        LedgerUser user = CurrentUser.require();
        boolean clerk = user.hasRoleAt(Role.CLERK, org.path());
        boolean leader = user.hasRoleAt(Role.LEADER, org.path());
        ReportStatus s = report.status();
        // 不自批: whoever submitted the report is not offered its decision.
        boolean decides = latest
                && leader
                && s == ReportStatus.SUBMITTED
                && !report.submitter().orElse("").equals(user.getUsername());
        ReportViews.Actions actions = new ReportViews.Actions(
                latest && clerk && s == ReportStatus.DRAFT,
                latest && clerk && s == ReportStatus.DRAFT,
                decides,
                decides,
                latest && leader && s == ReportStatus.FINAL,
                true);
        return new ReportViews.Report(
                report.getId(),
                org.code(),
                org.name(),
                report.year(),
                report.revision(),
                s,
                report.getVersion(),
                latest,
                report.finalisedAt(),
                report.templateId(),
                shown,
                proposalViews,
                List.copyOf(values.values()),
                actions);
    }

    private ReportViews.Report unsaved(OrgRef org, int year) {
        Map<String, FigureValue> values = figures.live(org, year);
        List<ReportViews.Block> shown = DefaultTemplate.blocks(figures.definitions()).stream()
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
                year,
                0,
                ReportStatus.DRAFT,
                0,
                true,
                null,
                null,
                shown,
                List.of(),
                List.copyOf(values.values()),
                new ReportViews.Actions(false, false, false, false, false, true));
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

    private static ReportViews.Template templateOf(ReportTemplate t) {
        return new ReportViews.Template(t.getId(), t.name(), t.tags(), t.getCreatedAt(), t.getCreatedBy());
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
