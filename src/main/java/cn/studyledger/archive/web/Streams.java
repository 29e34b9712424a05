package cn.studyledger.archive.web;

import cn.studyledger.archive.domain.Download;
import cn.studyledger.common.web.Downloads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Turns a checked {@link Download} into a streamed attachment response. */
final class Streams {

    private Streams() {}

    static ResponseEntity<StreamingResponseBody> attachment(Download download) {
        // the body runs on another thread; the ledger queries check the signed-in user's scope again there
        SecurityContext security = SecurityContextHolder.getContext();
        StreamingResponseBody body = out -> {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(security);
            try {
                download.body().writeTo(out);
                out.flush();
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition(download.fileName()))
                .contentType(MediaType.parseMediaType(download.contentType()))
                .body(body);
    }
}
