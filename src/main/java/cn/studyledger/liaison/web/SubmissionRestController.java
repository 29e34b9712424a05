package cn.studyledger.liaison.web;

import cn.studyledger.common.files.FileDownload;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.liaison.domain.DecisionCommand;
import cn.studyledger.liaison.domain.SignedFileService;
import cn.studyledger.liaison.domain.SignedFileViews;
import cn.studyledger.liaison.domain.SubmissionCommand;
import cn.studyledger.liaison.domain.SubmissionService;
import cn.studyledger.liaison.domain.SubmissionViews;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 报送 up, once: a unit files its own final document ({@code POST /orgs/{orgCode}/submissions}); the superior reads
 * the matrix of its units × kinds and accepts or returns each filing.
 */
@RestController
@RequestMapping("/api/v1")
class SubmissionRestController {

    private final SubmissionService submissions;
    private final SignedFileService exchange;

    SubmissionRestController(SubmissionService submissions, SignedFileService exchange) {
        this.submissions = submissions;
        this.exchange = exchange;
    }

    @PostMapping("/orgs/{orgCode}/submissions")
    @ResponseStatus(HttpStatus.CREATED)
    SubmissionViews.Filing file(@PathVariable String orgCode, @Valid @RequestBody SubmissionCommand command) {
        return submissions.file(orgCode, command.kind(), command.year());
    }

    @GetMapping("/orgs/{orgCode}/years/{year}/submissions")
    SubmissionViews.Matrix matrix(@PathVariable String orgCode, @PathVariable int year) {
        return submissions.matrix(orgCode, year);
    }

    @GetMapping("/submissions/{id}")
    SubmissionViews.Filing filing(@PathVariable long id) {
        return submissions.get(id);
    }

    @GetMapping("/submissions/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable long id) {
        FileDownload download = submissions.download(id);
        return Downloads.attachment(download);
    }

    /** The filing as a signed file, for a superior working in another installation. */
    @GetMapping("/submissions/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        SignedFileService.SignedExport file = exchange.exportSubmission(id);
        return Downloads.document(file.bytes(), SignedFileController.ZIP, file.fileName());
    }

    /** A direct subordinate unit's filing from a signed file of the unit's installation. */
    @PostMapping(value = "/orgs/{orgCode}/submissions/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    SignedFileViews.Imported importFile(
            @PathVariable String orgCode, @RequestPart(value = "file", required = false) MultipartFile file)
            throws IOException {
        // no file: the service checks the permission first, then refuses the empty file (400)
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            return exchange.importSubmission(orgCode, in);
        }
    }

    @PostMapping("/submissions/{id}/accept")
    SubmissionViews.Filing accept(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @RequestBody(required = false) DecisionCommand command) {
        return submissions.decide(id, version, true, command == null ? null : command.comment());
    }

    @PostMapping("/submissions/{id}/return")
    SubmissionViews.Filing returnFiling(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @RequestBody(required = false) DecisionCommand command) {
        return submissions.decide(id, version, false, command == null ? null : command.comment());
    }
}
