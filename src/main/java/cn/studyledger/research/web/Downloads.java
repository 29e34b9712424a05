package cn.studyledger.research.web;

import cn.studyledger.common.files.StoredFile;
import cn.studyledger.research.domain.FileDownload;
import cn.studyledger.research.domain.Upload;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Turns uploads into the domain's {@link Upload} and stored files into attachment responses. */
final class Downloads {

    private Downloads() {}

    /** The upload, or null when the form's file field was left empty. */
    static Upload upload(MultipartFile file) {
        return file == null || file.isEmpty() ? null : new Upload(file.getOriginalFilename(), file);
    }

    static ResponseEntity<InputStreamResource> attachment(FileDownload download) {
        StoredFile file = download.file();
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.originalName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .body(new InputStreamResource(download.content()));
    }
}
