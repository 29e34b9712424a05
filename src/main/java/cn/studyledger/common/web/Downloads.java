package cn.studyledger.common.web;

import cn.studyledger.common.files.FileDownload;
import cn.studyledger.common.files.StoredFile;
import cn.studyledger.common.files.Upload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Turns uploads into {@link Upload}s, and stored files or generated documents into attachment responses. */
public final class Downloads {

    private Downloads() {}

    /** The upload, or null when the form's file field was left empty. */
    public static Upload upload(MultipartFile file) {
        return file == null || file.isEmpty() ? null : new Upload(file.getOriginalFilename(), file);
    }

    /** The uploads of a multi-file field, without the empty part a browser sends when none was chosen. */
    public static List<Upload> uploads(List<MultipartFile> files) {
        return files == null
                ? List.of()
                : files.stream().map(Downloads::upload).filter(Objects::nonNull).toList();
    }

    public static ResponseEntity<InputStreamResource> attachment(FileDownload download) {
        StoredFile file = download.file();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(file.originalName()))
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .body(new InputStreamResource(download.content()));
    }

    public static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A generated document (report, notice, archive) as a download under the given name. */
    public static ResponseEntity<byte[]> document(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(filename))
                .body(body);
    }

    /** The Content-Disposition of an attachment saved under the given name (UTF-8, for Chinese names). */
    public static String disposition(String filename) {
        return ContentDisposition.attachment()
                .filename(filename, StandardCharsets.UTF_8)
                .build()
                .toString();
    }
}
