package cn.studyledger.material.domain;

import cn.studyledger.material.IssueStatus;
import cn.studyledger.material.MaterialIssueSummary;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads behind {@code MaterialApi}; no scope checks (the caller checked the organisation). */
@Component
@Transactional(readOnly = true)
public class MaterialQueries {

    private final MaterialIssueRepository issues;

    MaterialQueries(MaterialIssueRepository issues) {
        this.issues = issues;
    }

    public List<MaterialIssueSummary> publishedIssues(long orgId, int year) {
        return issues
                .findForFigure(orgId, IssueStatus.PUBLISHED, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .stream()
                .map(i -> new MaterialIssueSummary(
                        i.getId(),
                        i.issueNo(),
                        i.title(),
                        i.publishedOn(),
                        i.fileIds().size()))
                .toList();
    }
}
