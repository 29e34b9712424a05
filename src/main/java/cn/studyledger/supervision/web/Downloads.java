package cn.studyledger.supervision.web;

import cn.studyledger.supervision.domain.VisitService.Download;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored file as an attachment download with its stored content type. */
final class Downloads {

    private Downloads() {}

    static ResponseEntity<InputStreamResource> attachment(Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.file().contentType()))
                .contentLength(download.file().size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.file().originalName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new InputStreamResource(download.content()));
    }
}
