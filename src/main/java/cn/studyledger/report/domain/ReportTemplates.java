package cn.studyledger.report.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.common.files.StoredFile;
import cn.studyledger.org.OrgRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The organisation's own .docx templates for the annual report: uploaded after their tags are checked, listed,
 * and one of them (or the standard layout) chosen for a revision's Word output.
 */
@Component
class ReportTemplates {

    private final ReportTemplateRepository templates;
    private final AnnualReportRepository reports;
    private final UserTemplates userTemplates;
    private final ReportFigures figures;
    private final FileStore files;
    private final AuditLog audit;

    ReportTemplates(
            ReportTemplateRepository templates,
            AnnualReportRepository reports,
            UserTemplates userTemplates,
            ReportFigures figures,
            FileStore files,
            AuditLog audit) {
        this.templates = templates;
        this.reports = reports;
        this.userTemplates = userTemplates;
        this.figures = figures;
        this.files = files;
        this.audit = audit;
    }

    List<ReportViews.Template> of(OrgRef org) {
        return templates.findByOrgIdOrderByIdDesc(org.id()).stream()
                .map(ReportTemplates::view)
                .toList();
    }

    /** Chooses one of the organisation's uploaded templates for the .docx, or the standard layout (null). */
    void choose(OrgRef org, AnnualReport report, long expectedVersion, Long templateId) {
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
        audit.record(
                AuditAction.UPDATE,
                ReportEditorService.OBJECT,
                report.getId(),
                org.code() + " " + report.title() + "选用模板：" + name);
    }

    /**
     * Stores a user's .docx template after checking its tags; nothing is stored when a tag is unknown (the message
     * lists them).
     */
    ReportViews.Template upload(OrgRef org, MultipartFile upload) {
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
        return view(template);
    }

    private static ReportViews.Template view(ReportTemplate t) {
        return new ReportViews.Template(t.getId(), t.name(), t.tags(), t.getCreatedAt(), t.getCreatedBy());
    }
}
