package cn.studyledger.common.files;

import java.time.LocalDateTime;

/**
 * An uploaded file as records refer to it (by {@link #id}); the bytes live outside the web root under a
 * generated name and are only served by the module that owns the record, after its scope check.
 *
 * @param id id of the stored file
 * @param originalName the name the user uploaded it under (shown, never used as a path)
 * @param contentType the type detected from the content
 * @param size bytes
 * @param sha256 checksum, hex
 * @param uploadedAt when
 * @param uploadedBy who
 */
public record StoredFile(
        long id,
        String originalName,
        String contentType,
        long size,
        String sha256,
        LocalDateTime uploadedAt,
        String uploadedBy) {}
