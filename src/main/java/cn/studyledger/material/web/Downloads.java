package cn.studyledger.material.web;

import cn.studyledger.common.files.StoredFile;
import cn.studyledger.material.domain.FileDownload;
import cn.studyledger.material.domain.Upload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
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

    /** The uploads of a multi-file field, without the empty part a browser sends when none was chosen. */
    static List<Upload> uploads(List<MultipartFile> files) {
        return files == null
                ? List.of()
                : files.stream().map(Downloads::upload).filter(Objects::nonNull).toList();
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
