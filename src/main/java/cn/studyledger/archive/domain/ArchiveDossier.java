package cn.studyledger.archive.domain;

import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.files.StoredFile;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.office.DocumentBlock;
import cn.studyledger.office.DossierDocument;
import cn.studyledger.office.DossierProvider;
import cn.studyledger.office.DossierSection;
import cn.studyledger.office.OfficeDocuments;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.plan.PlanApi;
import cn.studyledger.plan.PlanSummary;
import cn.studyledger.report.ReportApi;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The year's 学习档案专卷: its papers in the order of the 目录 (年度学习计划, 年度学习情况报告, then the sessions' 会议记录,
 * 签到表, 学习简报 and 发言提纲, then the writings), each named by its file in the year's archive — the papers the
 * system writes under {@code documents/}, the files users stored under {@code files/} — and the 目录 itself as Word.
 * The sessions' and the writings' papers come from the modules' {@link DossierProvider}s.
 */
@Service
public class ArchiveDossier {

    static final String DOCUMENTS = "documents/";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final OrgApi orgs;
    private final PlanApi plans;
    private final ReportApi reports;
    private final List<DossierProvider> providers;
    private final OfficeDocuments office;
    private final FileStore files;
    private final AuditLog audit;

    ArchiveDossier(
            OrgApi orgs,
            PlanApi plans,
            ReportApi reports,
            List<DossierProvider> providers,
            OfficeDocuments office,
            FileStore files,
            AuditLog audit) {
        this.orgs = orgs;
        this.plans = plans;
        this.reports = reports;
        this.providers = providers;
        this.office = office;
        this.files = files;
        this.audit = audit;
    }

    /**
     * One line of the 目录.
     *
     * @param no 序号
     * @param entry the paper's name inside the year's archive, null for a paper recorded without a file
     * @param content the paper the system writes, when asked for; null otherwise
     */
    record Line(
            int no, DossierSection section, String title, LocalDate date, int copies, String entry, byte[] content) {}

    /** The 目录 of the organisation's year as Word, for its clerk (as the year's archive is). */
    @PreAuthorize("hasAuthority('" + Permissions.ARCHIVE_EXPORT + "')")
    public Download catalogue(String orgCode, int year) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        byte[] docx = catalogue(org, year, lines(org, year, false));
        audit.recordExport("学习档案目录", org.code() + "/" + year, org.name() + year + "年度学习档案专卷目录");
        return new Download(org.name() + year + "年度学习档案目录.docx", DOCX, out -> out.write(docx));
    }

    /** The papers of the year in the 目录's order, numbered; the written ones with their Word file if asked for. */
    List<Line> lines(OrgRef org, int year, boolean withContent) {
        List<DossierDocument> papers = new ArrayList<>();
        Optional<PlanSummary> plan = plans.effective(org.id(), year);
        if (plan.isPresent()) {
            papers.add(DossierDocument.written(
                    DossierSection.PLAN,
                    org.issuer() + "理论学习中心组" + year + "年度学习计划",
                    plan.get().approvedAt() == null
                            ? null
                            : plan.get().approvedAt().toLocalDate(),
                    year + "年度学习计划.docx",
                    withContent ? plans.planDocx(org.code(), year).orElse(null) : null));
        }
        papers.add(DossierDocument.written(
                DossierSection.REPORT,
                org.issuer() + "理论学习中心组" + year + "年度学习情况报告",
                null,
                year + "年度学习情况报告.docx",
                withContent ? reports.annualReportDocx(org.code(), year) : null));
        for (DossierProvider provider : providers) {
            papers.addAll(provider.documents(org.code(), year, withContent));
        }
        Map<Long, StoredFile> stored = files
                .describe(papers.stream()
                        .map(DossierDocument::storedFileId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList())
                .stream()
                .collect(Collectors.toMap(StoredFile::id, Function.identity()));
        List<DossierDocument> ordered = papers.stream()
                .sorted(Comparator.comparing(DossierDocument::section)
                        .thenComparing(DossierDocument::date, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        List<Line> lines = new ArrayList<>();
        for (DossierDocument p : ordered) {
            String entry = p.fileName() != null
                    ? DOCUMENTS + ArchiveFormat.safeName(p.fileName())
                    : p.storedFileId() != null && stored.containsKey(p.storedFileId())
                            ? ArchiveFormat.fileEntry(
                                    p.storedFileId(),
                                    stored.get(p.storedFileId()).originalName())
                            : null;
            lines.add(new Line(lines.size() + 1, p.section(), p.title(), p.date(), p.copies(), entry, p.content()));
        }
        return lines;
    }

    /** The 目录 in the official layout: a title and one table row a paper. */
    byte[] catalogue(OrgRef org, int year, List<Line> lines) {
        List<List<String>> rows = lines.stream()
                .map(l -> List.of(
                        String.valueOf(l.no()),
                        l.section().label(),
                        l.title(),
                        l.date() == null ? "" : l.date().toString(),
                        l.copies() == 0 ? "—" : l.copies() + "份",
                        l.entry() == null ? "未附文件" : l.entry()))
                .toList();
        return office.docx(List.of(
                new DocumentBlock.Title(org.issuer() + "理论学习中心组" + year + "年度学习档案专卷目录"),
                new DocumentBlock.Table(
                        List.of("序号", "类别", "题名", "日期", "份数", "归档文件"), rows, List.of(7, 13, 33, 15, 8, 24), 0),
                new DocumentBlock.Body("本卷共" + lines.size() + "件。")));
    }
}
