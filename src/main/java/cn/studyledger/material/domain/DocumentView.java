package cn.studyledger.material.domain;

import cn.studyledger.common.files.StoredFile;
import java.time.LocalDate;
import java.util.List;

/** A library document as pages and the API show it. */
public record DocumentView(
        long id,
        String title,
        String category,
        List<String> tags,
        String source,
        LocalDate publishedOn,
        StoredFile file,
        long version) {

    public DocumentCommand toCommand() {
        return new DocumentCommand(title, category, String.join(", ", tags), source, publishedOn);
    }
}
