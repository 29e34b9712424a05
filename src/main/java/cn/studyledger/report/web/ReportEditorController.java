package cn.studyledger.report.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.ConflictException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.figure.Period;
import cn.studyledger.office.PdfConverter;
import cn.studyledger.report.domain.AnnualReportService;
import cn.studyledger.report.domain.ReportEditorService;
import cn.studyledger.report.domain.ReportViews;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The annual report editor of the working organisation and year: blocks with a live preview (each token a link
 * to the records behind it), the problems draft, submission, finalisation and reopening, history with the frozen
 * figures of each final revision, templates, and the .docx / PDF downloads.
 */
@Controller
class ReportEditorController {

    private final ReportEditorService editor;
    private final AnnualReportService output;
    private final WorkContext context;

    ReportEditorController(ReportEditorService editor, AnnualReportService output, WorkContext context) {
        this.editor = editor;
        this.output = output;
        this.context = context;
    }

    @GetMapping("/report")
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    String editor(@RequestParam(required = false) String period, Model model) {
        return page(model, editor.open(context.requireOrgCode(), period(period)));
    }

    @GetMapping("/report/revisions/{revision}")
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    String revision(@PathVariable int revision, @RequestParam(required = false) String period, Model model) {
        return page(model, editor.revision(context.requireOrgCode(), period(period), revision));
    }

    @PostMapping("/report/blocks/{id}")
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    String editBlock(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(required = false) String heading,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String period,
            HttpServletResponse response,
            FormPost post) {
        return act(
                () -> editor.editBlock(context.orgCode(), period(period), id, version, heading, body),
                "report.flash.editBlock",
                "#b" + id,
                period(period),
                response,
                post);
    }

    @PostMapping("/report/blocks/{id}/delete")
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    String removeBlock(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(required = false) String period,
            HttpServletResponse response,
            FormPost post) {
        return act(
                () -> editor.removeBlock(context.orgCode(), period(period), id, version),
                "report.flash.removeBlock",
                "",
                period(period),
                response,
                post);
    }

    @PostMapping("/report/submit")
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    String submit(
            @RequestParam long version,
            @RequestParam(name = "confirmedGaps", required = false) List<String> confirmedGaps,
            @RequestParam(required = false) String period,
            HttpServletResponse response,
            FormPost post) {
        return act(
                () -> editor.submit(
                        context.orgCode(), period(period), version, confirmedGaps == null ? List.of() : confirmedGaps),
                "report.flash.submit",
                "",
                period(period),
                response,
                post);
    }

    @PostMapping("/report/finalise")
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_APPROVE + "')")
    String finalise(
            @RequestParam long version,
            @RequestParam(required = false) String period,
            HttpServletResponse response,
            FormPost post) {
        return act(
                () -> editor.finalise(context.orgCode(), period(period), version),
                "report.flash.finalise",
                "",
                period(period),
                response,
                post);
    }

    @PostMapping("/report/reopen")
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_APPROVE + "')")
    String reopen(
            @RequestParam long version,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String period,
            HttpServletResponse response,
            FormPost post) {
        return act(
                () -> editor.reopen(context.orgCode(), period(period), version, reason),
                "report.flash.reopen",
                "",
                period(period),
                response,
                post);
    }

    @PostMapping("/report/proposals")
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    String propose(@RequestParam(required = false) String period, HttpServletResponse response, FormPost post) {
        return act(
                () -> editor.propose(context.orgCode(), period(period)),
                "report.flash.propose",
                "#proposals",
                period(period),
                response,
                post);
    }

    @PostMapping("/report/proposals/{id}/keep")
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    String keep(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String period,
            HttpServletResponse response,
            FormPost post) {
        return act(
                () -> editor.keep(context.orgCode(), period(period), id, version, text),
                "report.flash.keep",
                "#proposals",
                period(period),
                response,
                post);
    }

    @PostMapping("/report/proposals/{id}/drop")
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    String drop(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam(required = false) String period,
            HttpServletResponse response,
            FormPost post) {
        return act(
                () -> editor.drop(context.orgCode(), period(period), id, version),
                "report.flash.drop",
                "#proposals",
                period(period),
                response,
                post);
    }

    @PostMapping("/report/templates")
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    String upload(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String period,
            HttpServletResponse response,
            FormPost post) {
        return act(
                () -> editor.uploadTemplate(context.orgCode(), file),
                "report.flash.upload",
                "#templates",
                period(period),
                response,
                post);
    }

    @PostMapping("/report/template")
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EDIT + "')")
    String choose(
            @RequestParam long version,
            @RequestParam(required = false) Long templateId,
            @RequestParam(required = false) String period,
            HttpServletResponse response,
            FormPost post) {
        return act(
                () -> editor.chooseTemplate(context.orgCode(), period(period), version, templateId),
                "report.flash.choose",
                "#templates",
                period(period),
                response,
                post);
    }

    @GetMapping("/report/download.docx")
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    ResponseEntity<byte[]> docx(
            @RequestParam(required = false) Integer revision,
            @RequestParam(defaultValue = "false") boolean letterhead,
            @RequestParam(required = false) String period) {
        return Downloads.document(
                output.docx(context.orgCode(), period(period), revision, letterhead),
                Downloads.DOCX,
                ReportRestController.fileName(context.orgCode(), period(period), "docx"));
    }

    @GetMapping("/report/download.pdf")
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    ResponseEntity<byte[]> pdf(
            @RequestParam(required = false) Integer revision, @RequestParam(required = false) String period) {
        return Downloads.document(
                output.pdf(context.orgCode(), period(period), revision),
                MediaType.APPLICATION_PDF,
                ReportRestController.fileName(context.orgCode(), period(period), "pdf"));
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(PdfConverter.Unavailable.class)
    String noPdf(PdfConverter.Unavailable e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("message", e.getMessage());
        return "error";
    }

    /** Runs a change; on refusal shows the editor again with the reason (422, or 409 for a stale version). */
    private String act(
            Runnable action,
            String message,
            String anchor,
            Period period,
            HttpServletResponse response,
            FormPost post) {
        try {
            action.run();
        } catch (ConflictException | BusinessRuleException e) {
            HttpStatus status = e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
            response.setStatus(status.value());
            post.model().addAttribute("error", e.getMessage());
            return page(post.model(), editor.open(context.orgCode(), period));
        }
        return post.done(message, "/report" + (period.wholeYear() ? "" : "?period=" + period.apiName()) + anchor);
    }

    /** The report of the working year the page is about: the annual one, or with {@code ?period=H1} the half-year's. */
    private Period period(String name) {
        return Period.parse(context.year(), name);
    }

    private String page(Model model, ReportViews.Report report) {
        model.addAttribute("report", report);
        model.addAttribute("history", editor.history(report.orgCode(), Period.parse(report.year(), report.period())));
        model.addAttribute("templates", editor.templates(report.orgCode()));
        model.addAttribute("pdfAvailable", output.pdfAvailable());
        return "report/editor";
    }
}
