package cn.studyledger.report;

import java.util.List;
import java.util.Map;

/**
 * Supplies the rule findings of an organisation and year to the report's problems draft and to the
 * dashboard. Implemented by the rules module, so the report does not depend on the modules the rules read.
 * The implementation checks the caller's sight of the organisation (404 when out of sight).
 */
public interface FindingSource {

    /** The findings of the latest evaluation of the organisation and year (evaluated now when there is none). */
    List<Finding> findings(String orgCode, int year);

    /**
     * The latest findings of each direct subordinate unit of the organisation, by unit id: what the organisation
     * that guides them reads of them for their year's assessment (404 for an organisation out of sight).
     */
    Map<Long, List<Finding>> subordinateFindings(String orgCode, int year);

    /**
     * The findings of the records as they are now, without storing an evaluation: for text that states them
     * beside today's figures (the report's drafts of 三 and 四), which an older evaluation would contradict.
     */
    List<Finding> currentFindings(String orgCode, int year);
}
