package cn.studyledger.report;

import java.util.List;

/**
 * Supplies the rule findings of an organisation and year to the report's problems draft and to the
 * dashboard. Implemented by the rules module, so the report does not depend on the modules the rules read.
 * The implementation checks the caller's sight of the organisation (404 when out of sight).
 */
public interface FindingSource {

    /** The findings of the latest evaluation of the organisation and year (evaluated now when there is none). */
    List<Finding> findings(String orgCode, int year);
}
