package cn.studyledger.material.domain;

import cn.studyledger.common.files.StoredFile;
import cn.studyledger.material.IssueStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * A material issue as pages and the API show it.
 *
 * @param label e.g. 2025年第3期
 */
public record IssueView(
        long id,
        int year,
        int issueNo,
        String label,
        String title,
        LocalDate publishedOn,
        String contents,
        IssueStatus status,
        String statusLabel,
        List<StoredFile> files,
        long version) {

    public IssueCommand toCommand() {
        return new IssueCommand(issueNo, title, publishedOn, contents);
    }
}
