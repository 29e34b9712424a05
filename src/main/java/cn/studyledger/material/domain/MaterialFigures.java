package cn.studyledger.material.domain;

import cn.studyledger.material.IssueStatus;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.Evidence;
import cn.studyledger.report.FigureDefinition;
import cn.studyledger.report.FigureProvider;
import cn.studyledger.report.FigureResult;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@code materials.issues}: the material issues published in the year, each issue as evidence. Drafts do not count. */
@Component
@Transactional(readOnly = true)
class MaterialFigures implements FigureProvider {

    static final String ISSUES = "materials.issues";
    private static final String OBJECT_TYPE = "专题学习资料";

    private final MaterialIssueRepository issues;

    MaterialFigures(MaterialIssueRepository issues) {
        this.issues = issues;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(new FigureDefinition(ISSUES, "编印专题学习资料", "期", FigureDefinition.Kind.COUNT));
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        if (!ISSUES.equals(key)) {
            throw new IllegalArgumentException(key);
        }
        return FigureResult.count(
                issues
                        .findForFigure(
                                org.id(), IssueStatus.PUBLISHED, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                        .stream()
                        .map(i -> new Evidence(
                                OBJECT_TYPE,
                                i.getId(),
                                i.publishedOn(),
                                "第" + i.issueNo() + "期 " + i.title(),
                                i.fileIds().isEmpty() ? "" : i.fileIds().size() + "个附件",
                                null,
                                "/materials/" + i.getId()))
                        .toList());
    }
}
