package cn.studyledger.archive.domain;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A file to stream to the user once the checks have passed: its name, content type and the writer that produces
 * it straight into the response.
 */
public record Download(String fileName, String contentType, Body body) {

    /** Writes the file's bytes; the stream is the response's and stays open. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
