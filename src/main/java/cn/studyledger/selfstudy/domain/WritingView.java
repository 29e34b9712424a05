package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.files.StoredFile;
import cn.studyledger.selfstudy.WritingKind;
import java.time.LocalDate;

/**
 * A writing as pages and the API show it.
 *
 * @param file the attached file, null when there is none
 */
public record WritingView(
        long id,
        long personId,
        String personName,
        WritingKind kind,
        String kindLabel,
        String title,
        LocalDate writtenOn,
        String summary,
        StoredFile file,
        long version) {

    public WritingCommand toCommand() {
        return new WritingCommand(personId, kind, title, writtenOn, summary);
    }
}
