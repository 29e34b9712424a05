package cn.studyledger.material.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.Tallies;
import cn.studyledger.material.IssueStatus;
import cn.studyledger.org.OrgRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@code materials.issues}: the material issues published in the year, each issue as evidence. Drafts do not count. */
@Component
@Transactional(readOnly = true)
class MaterialFigures implements FigureProvider {

    static final String ISSUES = "materials.issues";
    private static final String OBJECT_TYPE = "专题学习资料";

    private final MaterialIssueRepository issues;
    private final JdbcClient jdbc;

    MaterialFigures(MaterialIssueRepository issues, JdbcClient jdbc) {
        this.issues = issues;
        this.jdbc = jdbc;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(new FigureDefinition(ISSUES, "编印专题学习资料", "期", FigureDefinition.Kind.COUNT));
    }

    /** Published issues of many organisations with one grouped statement; the same numbers as {@link #compute}. */
    @Override
    public Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, Period period) {
        if (!ISSUES.equals(key)) {
            throw new IllegalArgumentException(key);
        }
        return Tallies.counts(
                jdbc,
                """
                select org_id, count(*) from material_issue
                 where org_id in (:orgIds) and status = :published and published_on between :from and :to
                 group by org_id""",
                Map.of(
                        "published", IssueStatus.PUBLISHED.name(),
                        "from", period.from(),
                        "to", period.to()),
                orgs);
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
