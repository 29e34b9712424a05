package cn.studyledger.rules.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.report.Finding;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** What the pages and the API show of the rules and their findings (records, never entities). */
public final class RuleViews {

    private RuleViews() {}

    /**
     * An organisation's rule table of a year.
     *
     * @param orgCode organisation
     * @param orgName its name
     * @param year the year
     * @param rules the rules in the order of DESIGN.md §4
     */
    public record RuleTable(String orgCode, String orgName, int year, List<RuleRow> rules) {}

    /**
     * One rule of the table.
     *
     * @param key stable key
     * @param title short name
     * @param text the rule with its thresholds
     * @param enabled whether it is checked
     * @param param1 first threshold, null for a rule without one
     * @param param2 second threshold, null for a rule without one
     * @param params the thresholds' meaning and bounds
     * @param source where the rule comes from
     * @param kindOptions the kinds the rule may count (empty for a rule without kinds)
     * @param kinds the kinds that count
     * @param defaults whether the rule is as the defaults have it
     * @param version the version an edit must carry
     */
    public record RuleRow(
            String key,
            String title,
            String text,
            boolean enabled,
            BigDecimal param1,
            BigDecimal param2,
            List<RuleDefinition.Param> params,
            String source,
            List<RuleDefinition.Kind> kindOptions,
            List<String> kinds,
            boolean defaults,
            long version) {}

    /**
     * The latest evaluation of an organisation's year.
     *
     * @param orgCode organisation
     * @param orgName its name
     * @param year the year
     * @param evaluatedAt when it ran
     * @param evaluatedBy who ran it ({@code system} for the nightly run)
     * @param runKind what started it
     * @param rulesChecked number of rules switched on and checked
     * @param findings what was found, in the order of the rules
     */
    public record EvaluationView(
            String orgCode,
            String orgName,
            int year,
            LocalDateTime evaluatedAt,
            String evaluatedBy,
            String runKind,
            int rulesChecked,
            List<FindingView> findings) {

        public List<Finding> asFindings() {
            return findings.stream().map(FindingView::asFinding).toList();
        }
    }

    /**
     * One finding with the records behind it.
     *
     * @param ruleKey the rule's key
     * @param ruleName the rule's short name
     * @param rule the rule's text with its thresholds
     * @param source where the rule comes from
     * @param finding what was found
     * @param problem the sentence proposed for 三、存在的问题与不足
     * @param nextStep the sentence proposed for 四、下一步工作打算
     * @param evidence the records, each with the URL of its page
     */
    public record FindingView(
            String ruleKey,
            String ruleName,
            String rule,
            String source,
            String finding,
            String problem,
            String nextStep,
            List<Evidence> evidence) {

        Finding asFinding() {
            return new Finding(ruleKey, rule, source, finding, problem, nextStep, evidence);
        }
    }
}
