package cn.studyledger.report.web;

import cn.studyledger.common.web.Downloads;
import cn.studyledger.figure.Period;
import cn.studyledger.office.PdfConverter;
import cn.studyledger.report.domain.AnnualReportService;
import cn.studyledger.report.domain.ReportEditorService;
import cn.studyledger.report.domain.ReportLetterheads;
import cn.studyledger.report.domain.ReportViews;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The annual report under {@code /api/v1/orgs/{orgCode}/years/{year}} — or with {@code ?period=H1} the half-year
 * report, which has its own revisions, draft → final and figure snapshot: the report's
 * blocks, block edits with the version the editor saw, submission, finalisation, reopening, history, templates,
 * and the .docx / .pdf (503 when LibreOffice is not installed).
 */
@RestController
@RequestMapping("/api/v1/orgs/{orgCode}/years/{year}")
class ReportRestController {

    private final AnnualReportService reports;
    private final ReportEditorService editor;
    private final ReportLetterheads letterheads;

    ReportRestController(AnnualReportService reports, ReportEditorService editor, ReportLetterheads letterheads) {
        this.reports = reports;
        this.editor = editor;
        this.letterheads = letterheads;
    }

    /** A block edit: the version the editor saw, the new text (and heading of a （一） or signature block). */
    record BlockEdit(@NotNull(message = "请提供段落版本号") Long version, String heading, String body) {}

    /**
     * A decision on the report: its version, the reason where one is needed and, for 提交定稿, the gaps
     * ({@code gaps[].id} of the report) the clerk confirms leaving.
     */
    record Decision(@NotNull(message = "请提供报告版本号") Long version, String reason, List<String> confirmedGaps) {

        List<String> confirmed() {
            return confirmedGaps == null ? List.of() : confirmedGaps;
        }
    }

    @GetMapping("/report")
    ReportViews.Report report(
            @PathVariable String orgCode, @PathVariable int year, @RequestParam(required = false) String period) {
        return editor.open(orgCode, Period.parse(year, period));
    }

    @GetMapping("/report/revisions/{revision}")
    ReportViews.Report revision(
            @PathVariable String orgCode,
            @PathVariable int year,
            @RequestParam(required = false) String period,
            @PathVariable int revision) {
        return editor.revision(orgCode, Period.parse(year, period), revision);
    }

    @GetMapping("/report/history")
    List<ReportViews.Revision> history(
            @PathVariable String orgCode, @PathVariable int year, @RequestParam(required = false) String period) {
        return editor.history(orgCode, Period.parse(year, period));
    }

    @PutMapping("/report/blocks/{blockId}")
    ReportViews.Block editBlock(
            @PathVariable String orgCode,
            @PathVariable int year,
            @RequestParam(required = false) String period,
            @PathVariable long blockId,
            @jakarta.validation.Valid @RequestBody BlockEdit edit) {
        return editor.editBlock(
                orgCode, Period.parse(year, period), blockId, edit.version(), edit.heading(), edit.body());
    }

    @PostMapping("/report/submit")
    ReportViews.Report submit(
            @PathVariable String orgCode,
            @PathVariable int year,
            @RequestParam(required = false) String period,
            @jakarta.validation.Valid @RequestBody Decision d) {
        return editor.submit(orgCode, Period.parse(year, period), d.version(), d.confirmed());
    }

    @PostMapping("/report/finalise")
    ReportViews.Report finalise(
            @PathVariable String orgCode,
            @PathVariable int year,
            @RequestParam(required = false) String period,
            @jakarta.validation.Valid @RequestBody Decision d) {
        return editor.finalise(orgCode, Period.parse(year, period), d.version());
    }

    @PostMapping("/report/reopen")
    ReportViews.Report reopen(
            @PathVariable String orgCode,
            @PathVariable int year,
            @RequestParam(required = false) String period,
            @jakarta.validation.Valid @RequestBody Decision d) {
        return editor.reopen(orgCode, Period.parse(year, period), d.version(), d.reason());
    }

    @PostMapping("/report/proposals")
    ReportViews.Report propose(
            @PathVariable String orgCode, @PathVariable int year, @RequestParam(required = false) String period) {
        editor.propose(orgCode, Period.parse(year, period));
        return editor.open(orgCode, Period.parse(year, period));
    }

    @GetMapping("/report/templates")
    List<ReportViews.Template> templates(@PathVariable String orgCode) {
        return editor.templates(orgCode);
    }

    @PostMapping(path = "/report/templates", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReportViews.Template> upload(
            @PathVariable String orgCode, @RequestParam(required = false) MultipartFile file) {
        return ResponseEntity.status(HttpStatus.CREATED).body(editor.uploadTemplate(orgCode, file));
    }

    @GetMapping("/report.docx")
    ResponseEntity<byte[]> report(
            @PathVariable String orgCode,
            @PathVariable int year,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) Integer revision,
            @RequestParam(defaultValue = "false") boolean letterhead) {
        return Downloads.document(
                reports.docx(orgCode, Period.parse(year, period), revision, letterhead),
                Downloads.DOCX,
                fileName(orgCode, Period.parse(year, period), "docx"));
    }

    /** The 发文字号 and 签发人 of the report as a 红头文件 ({@code report.docx?letterhead=true}). */
    @GetMapping("/report/letterhead")
    ReportLetterheads.LetterheadView letterhead(
            @PathVariable String orgCode, @PathVariable int year, @RequestParam(required = false) String period) {
        return letterheads.view(orgCode, Period.parse(year, period));
    }

    @PutMapping("/report/letterhead")
    ReportLetterheads.LetterheadView setLetterhead(
            @PathVariable String orgCode,
            @PathVariable int year,
            @RequestParam(required = false) String period,
            @RequestParam long version,
            @jakarta.validation.Valid @RequestBody ReportLetterheads.LetterheadCommand command) {
        return letterheads.save(orgCode, Period.parse(year, period), version, command);
    }

    @GetMapping("/report.pdf")
    ResponseEntity<byte[]> pdf(
            @PathVariable String orgCode,
            @PathVariable int year,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) Integer revision) {
        return Downloads.document(
                reports.pdf(orgCode, Period.parse(year, period), revision),
                MediaType.APPLICATION_PDF,
                fileName(orgCode, Period.parse(year, period), "pdf"));
    }

    @ExceptionHandler(PdfConverter.Unavailable.class)
    ResponseEntity<ProblemDetail> noPdf(PdfConverter.Unavailable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("暂不可用");
        problem.setType(java.net.URI.create("https://studyledger.cn/problems/pdf-unavailable"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static String fileName(String orgCode, Period period, String extension) {
        return orgCode + "-" + AnnualReportService.name(period) + "." + extension;
    }
}
