package cn.studyledger.report;

import cn.studyledger.figure.Evidence;
import java.util.List;

/**
 * One rule finding (a 问题) of an organisation and year, as the rules module found it: what is wrong, which
 * rule says so and where that rule comes from, the sentences it proposes for the annual report's
 * 三、存在的问题与不足 and 四、下一步工作打算, and the records that show it.
 *
 * @param ruleKey the rule's stable key, e.g. {@code research.adoption}
 * @param rule the rule as users read it, e.g. 对策建议采纳率不低于50%
 * @param source where the rule comes from (document and article, or a local decision)
 * @param finding what was found, with the numbers, e.g. 对策建议9条，采纳4条（44.4%）
 * @param problem the proposed sentence for section 三 (no leading numbering)
 * @param nextStep the proposed sentence for section 四 (no leading numbering)
 * @param evidence the records behind the finding (each with the URL of its page)
 */
public record Finding(
        String ruleKey,
        String rule,
        String source,
        String finding,
        String problem,
        String nextStep,
        List<Evidence> evidence) {

    public Finding {
        evidence = List.copyOf(evidence);
    }
}
