package cn.studyledger.common.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The file types the system accepts, recognised by their first bytes, not by their names. Office Open XML
 * files (.docx, .xlsx, .pptx) are ZIP containers and are told apart by the part names inside.
 */
public enum FileKind {
    PDF("application/pdf", ".pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
    PNG("image/png", ".png"),
    JPEG("image/jpeg", ".jpg", ".jpeg"),
    TEXT("text/plain", ".txt", ".csv", ".md", ".log");

    private final String contentType;
    private final String extension;
    private final List<String> extensions;

    FileKind(String contentType, String extension, String... aliases) {
        this.contentType = contentType;
        this.extension = extension;
        this.extensions =
                Stream.concat(Stream.of(extension), Arrays.stream(aliases)).toList();
    }

    /** Whether a file of this kind may carry the extension (lower case, with the dot) in its name. */
    public boolean hasExtension(String extension) {
        return extensions.contains(extension);
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** Documents users attach to records: PDF, Word, Excel, PowerPoint, images and plain text. */
    public static final List<FileKind> DOCUMENTS = List.of(PDF, DOCX, XLSX, PPTX, PNG, JPEG, TEXT);

    /** Recognises the kind from the leading bytes (the caller passes at least the first 8 KiB when it has them). */
    public static Optional<FileKind> detect(byte[] head) {
        if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Optional.of(PNG);
        }
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            String names = new String(head, StandardCharsets.ISO_8859_1);
            if (names.contains("word/")) {
                return Optional.of(DOCX);
            }
            if (names.contains("xl/")) {
                return Optional.of(XLSX);
            }
            if (names.contains("ppt/")) {
                return Optional.of(PPTX);
            }
            return Optional.empty();
        }
        if (head.length > 0 && isText(head) && !isMarkup(head)) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
    }

    /**
     * Web pages, SVG images and XML begin with a tag: they are not accepted as plain text, since a browser that
     * guesses the type could run a script in them.
     */
    private static boolean isMarkup(byte[] head) {
        String text =
                new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        return text.startsWith("<");
    }

    /** UTF-8 text without control characters other than tab, CR and LF. */
    private static boolean isText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return StandardCharsets.UTF_8
                .newDecoder()
                .decode(java.nio.ByteBuffer.wrap(head), java.nio.CharBuffer.allocate(head.length), false)
                .isUnderflow();
    }
}
