package cn.studyledger.liaison.web;

import cn.studyledger.common.PageResult;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.PageQuery;
import cn.studyledger.liaison.domain.AcknowledgementCommand;
import cn.studyledger.liaison.domain.NoticeCommand;
import cn.studyledger.liaison.domain.NoticeService;
import cn.studyledger.liaison.domain.NoticeViews;
import cn.studyledger.liaison.domain.SignedFileService;
import cn.studyledger.liaison.domain.SignedFileViews;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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
 * 学习提示 between levels: issued by an organisation to its direct subordinate units ({@code POST
 * /orgs/{orgCode}/notices}), received in a unit's inbox, acknowledged with the sessions that carried it out, and
 * followed by the issuer per unit ({@code /notices/{id}/status}).
 */
@RestController
@RequestMapping("/api/v1")
class NoticeRestController {

    private final NoticeService notices;
    private final SignedFileService exchange;

    NoticeRestController(NoticeService notices, SignedFileService exchange) {
        this.notices = notices;
        this.exchange = exchange;
    }

    @GetMapping("/orgs/{orgCode}/notices")
    PageResult<NoticeViews.Summary> issued(
            @PathVariable String orgCode,
            @RequestParam int year,
            @RequestParam(required = false) String q,
            PageQuery paging) {
        return notices.issued(orgCode, year, q, paging.page(), paging.size());
    }

    @PostMapping("/orgs/{orgCode}/notices")
    @ResponseStatus(HttpStatus.CREATED)
    NoticeViews.Notice issue(@PathVariable String orgCode, @Valid @RequestBody NoticeCommand command) {
        return notices.issue(orgCode, command);
    }

    @GetMapping("/orgs/{orgCode}/notices/inbox")
    List<NoticeViews.Summary> inbox(@PathVariable String orgCode, @RequestParam(required = false) Integer year) {
        return notices.inbox(orgCode, year);
    }

    @GetMapping("/notices/{id}")
    NoticeViews.Notice notice(@PathVariable long id) {
        return notices.get(id);
    }

    @GetMapping("/notices/{id}/status")
    NoticeViews.Status status(@PathVariable long id) {
        return notices.status(id);
    }

    /** The notice as a signed file, for a unit working in another installation. */
    @GetMapping("/notices/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        SignedFileService.SignedExport file = exchange.exportNotice(id);
        return Downloads.document(file.bytes(), SignedFileController.ZIP, file.fileName());
    }

    /** A notice of the unit's superior from a signed file of the superior's installation. */
    @PostMapping(value = "/orgs/{orgCode}/notices/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    SignedFileViews.Imported importFile(
            @PathVariable String orgCode, @RequestPart(value = "file", required = false) MultipartFile file)
            throws IOException {
        // no file: the service checks the permission first, then refuses the empty file (400)
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            return exchange.importNotice(orgCode, in);
        }
    }

    @PostMapping("/notices/{id}/acknowledgement")
    NoticeViews.Receipt acknowledge(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @RequestBody(required = false) AcknowledgementCommand command) {
        return notices.acknowledge(
                id, version, command == null ? new AcknowledgementCommand(null, null, null) : command);
    }
}
