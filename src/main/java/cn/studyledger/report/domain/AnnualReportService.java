package cn.studyledger.report.domain;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.figure.Period;
import cn.studyledger.office.DocumentBlock;
import cn.studyledger.office.DocxWriter;
import cn.studyledger.office.PdfConverter;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.BlockKind;
import cn.studyledger.report.FinalReport;
import cn.studyledger.report.ReportStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the annual report (年度报告) as .docx (GB/T 9704 layout, or the organisation's own poi-tl template) and
 * as PDF: from the blocks of a revision with every token resolved — a final revision from its frozen snapshot, so
 * its document never changes afterwards; a figure without data as 【待补充】, never invented. The web pages, the
 * API, {@code ReportApi} and the command line all come through here. Every export is audited.
 */
@Service
public class AnnualReportService {

    static final String MISSING = Tokens.MISSING;

    private final AnnualReportRepository reports;
    private final NarrativeBlockRepository blocks;
    private final ReportTemplateRepository templates;
    private final ReportFigures figures;
    private final OrgApi orgs;
    private final DocxWriter writer;
    private final UserTemplates userTemplates;
    private final PdfConverter pdf;
    private final FileStore files;
    private final AuditLog audit;
    private final RuleDrafts problems;
    private final ReportLetterheads letterheads;
    private final TransactionTemplate readOnly;

    AnnualReportService(
            AnnualReportRepository reports,
            NarrativeBlockRepository blocks,
            ReportTemplateRepository templates,
            ReportFigures figures,
            OrgApi orgs,
            DocxWriter writer,
            UserTemplates userTemplates,
            PdfConverter pdf,
            FileStore files,
            AuditLog audit,
            RuleDrafts problems,
            ReportLetterheads letterheads,
            PlatformTransactionManager transactions) {
        this.reports = reports;
        this.blocks = blocks;
        this.templates = templates;
        this.figures = figures;
        this.orgs = orgs;
        this.writer = writer;
        this.userTemplates = userTemplates;
        this.pdf = pdf;
        this.files = files;
        this.audit = audit;
        this.problems = problems;
        this.letterheads = letterheads;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The published report as .docx: the latest final revision once there is one, else the current draft. */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    public byte[] docx(String orgCode, int year) {
        return docx(orgCode, Period.of(year), null, false);
    }

    /** One revision as .docx (0 or null: the published one). */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    public byte[] docx(String orgCode, Period period, Integer revision) {
        return docx(orgCode, period, revision, false);
    }

    /**
     * One revision as .docx (0 or null: the published one), with {@code letterhead} as a 红头文件: the 版头 of
     * {@link ReportLetterheads} before the title. An organisation's own template keeps its own layout and gets none.
     */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    public byte[] docx(String orgCode, Period period, Integer revision, boolean letterhead) {
        Document doc = readOnly.execute(tx -> {
            Document d = document(orgCode, period, revision == null || revision == 0 ? null : revision);
            return letterhead ? d.withLetterhead(letterheads.block(orgs.requireReadable(orgCode), period)) : d;
        });
        byte[] bytes = render(doc);
        audit.recordExport("年度报告", exported(orgCode, period), "导出" + name(period) + "（.docx，" + doc.describe() + "）");
        return bytes;
    }

    /**
     * The latest final revision of the organisation's report of the period — its .docx from the frozen figures and
     * those figures — or nothing while there is none: what a unit files upward (报送) as it stands.
     */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    public Optional<FinalReport> finalReport(String orgCode, Period period) {
        OrgRef org = orgs.requireReadable(orgCode);
        Optional<AnnualReport> latest =
                readOnly.execute(tx -> reports.findFirstByOrgIdAndReportYearAndPartAndStatusOrderByRevisionDesc(
                        org.id(), period.year(), period.part(), ReportStatus.FINAL));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        int revision = latest.get().revision();
        List<FinalReport.Figure> frozen =
                readOnly.execute(tx -> reports.revision(org.id(), period, revision).orElseThrow().snapshot().stream()
                        .map(f -> f.value(null))
                        .map(v -> new FinalReport.Figure(v.key(), v.label(), v.value(), v.unit()))
                        .toList());
        return Optional.of(new FinalReport(
                name(period), revision, latest.get().finalisedAt(), docx(orgCode, period, revision), frozen));
    }

    /** The document's name: 「2025年度中心组学习情况报告」, 「2025年上半年中心组学习情况报告」. */
    public static String name(Period period) {
        return (period.wholeYear() ? period.year() + "年度" : period.label()) + "中心组学习情况报告";
    }

    private static String exported(String orgCode, Period period) {
        return orgCode + "/" + period.year() + (period.wholeYear() ? "" : "/" + period.apiName());
    }

    /** The same document as PDF (LibreOffice); {@link PdfConverter.Unavailable} when it is not installed. */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    public byte[] pdf(String orgCode, Period period, Integer revision) {
        if (!pdf.available()) {
            orgs.requireReadable(orgCode);
            throw new PdfConverter.Unavailable();
        }
        Document doc =
                readOnly.execute(tx -> document(orgCode, period, revision == null || revision == 0 ? null : revision));
        byte[] bytes = pdf.convert(render(doc));
        audit.recordExport("年度报告", exported(orgCode, period), "导出" + name(period) + "（PDF，" + doc.describe() + "）");
        return bytes;
    }

    public boolean pdfAvailable() {
        return pdf.available();
    }

    /** Everything a document is made of, read in one transaction. */
    private record Document(
            Integer revision,
            ReportStatus status,
            List<DefaultTemplate.Draft> blocks,
            Map<String, FigureValue> values,
            Long templateFileId,
            DocumentBlock.Letterhead letterhead) {

        Document(
                Integer revision,
                ReportStatus status,
                List<DefaultTemplate.Draft> blocks,
                Map<String, FigureValue> values,
                Long templateFileId) {
            this(revision, status, blocks, values, templateFileId, null);
        }

        Document withLetterhead(DocumentBlock.Letterhead l) {
            return new Document(revision, status, blocks, values, templateFileId, l);
        }

        String describe() {
            return (revision == null ? "默认模板，尚未保存" : "第" + revision + "版" + status.label())
                    + (letterhead == null || templateFileId != null ? "" : "，红头");
        }
    }

    private Document document(String orgCode, Period period, Integer revision) {
        OrgRef org = orgs.requireReadable(orgCode);
        Optional<AnnualReport> report = revision != null
                ? Optional.of(
                        reports.revision(org.id(), period, revision).orElseThrow(() -> NotFoundException.of("年度报告")))
                : reports.findFirstByOrgIdAndReportYearAndPartAndStatusOrderByRevisionDesc(
                                org.id(), period.year(), period.part(), ReportStatus.FINAL)
                        .or(() -> reports.current(org.id(), period));
        if (report.isEmpty()) {
            return new Document(
                    null,
                    ReportStatus.DRAFT,
                    problems.firstDraft(org, period, figures.template(org, period)),
                    figures.live(org, period),
                    null);
        }
        AnnualReport r = report.get();
        List<DefaultTemplate.Draft> content = blocks.findByReportIdOrderByPosition(r.getId()).stream()
                .map(b -> new DefaultTemplate.Draft(b.kind(), b.section(), b.heading(), b.body()))
                .toList();
        Long fileId = r.templateId() == null
                ? null
                : templates.findById(r.templateId()).map(ReportTemplate::fileId).orElse(null);
        return new Document(r.revision(), r.status(), content, figures.of(r, org), fileId);
    }

    private byte[] render(Document doc) {
        if (doc.templateFileId() == null) {
            List<DocumentBlock> out = new ArrayList<>();
            if (doc.letterhead() != null) {
                out.add(doc.letterhead());
            }
            out.addAll(blocks(doc.blocks(), doc.values()));
            return writer.write(out);
        }
        try (InputStream template = files.open(doc.templateFileId())) {
            return userTemplates.render(
                    template,
                    doc.values(),
                    sectionText(doc.blocks(), DefaultTemplate.PROBLEMS, doc.values()),
                    sectionText(doc.blocks(), DefaultTemplate.NEXT, doc.values()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blocks with their tokens resolved, as the .docx writer lays them out. */
    static List<DocumentBlock> blocks(List<DefaultTemplate.Draft> content, Map<String, FigureValue> values) {
        List<DocumentBlock> out = new ArrayList<>();
        for (DefaultTemplate.Draft b : content) {
            String heading = Tokens.render(b.heading(), values);
            String body = Tokens.render(b.body(), values);
            switch (b.kind()) {
                case TITLE:
                    out.add(new DocumentBlock.Title(body));
                    break;
                case HEADING1:
                    out.add(new DocumentBlock.Heading1(body));
                    break;
                case HEADING2:
                    out.add(new DocumentBlock.Heading2(heading, body));
                    break;
                case SIGNATURE:
                    out.add(new DocumentBlock.Signature(heading, body));
                    break;
                default:
                    if (body.isBlank() && b.body() != null && !b.body().isBlank()) {
                        break; // a paragraph all of whose clauses had nothing to say (the units' one, without units)
                    }
                    out.add(new DocumentBlock.Body(body));
            }
        }
        return out;
    }

    /** A section's paragraphs (without its 一、 heading) as text, one paragraph a line, for a user's template. */
    static String sectionText(List<DefaultTemplate.Draft> content, String section, Map<String, FigureValue> values) {
        return content.stream()
                .filter(b -> b.section().equals(section) && b.kind() != BlockKind.HEADING1)
                .map(b -> Tokens.render(b.heading(), values) + Tokens.render(b.body(), values))
                .collect(Collectors.joining("\n"));
    }
}
