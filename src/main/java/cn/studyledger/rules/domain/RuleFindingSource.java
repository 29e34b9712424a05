package cn.studyledger.rules.domain;

import cn.studyledger.report.Finding;
import cn.studyledger.report.FindingSource;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The rules' findings for the annual report's problems draft and the dashboard: the latest evaluation's findings
 * (evaluated now when the year has none), with the caller's permission ({@code rules:rule:view}) and sight of the
 * organisation (404 otherwise) checked by {@link EvaluationService}.
 */
@Component
class RuleFindingSource implements FindingSource {

    private final EvaluationService evaluations;

    RuleFindingSource(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public List<Finding> findings(String orgCode, int year) {
        return evaluations.findings(orgCode, year);
    }

    @Override
    public Map<Long, List<Finding>> subordinateFindings(String orgCode, int year) {
        return evaluations.subordinateFindings(orgCode, year);
    }

    @Override
    public List<Finding> currentFindings(String orgCode, int year) {
        return evaluations.currentFindings(orgCode, year);
    }
}
