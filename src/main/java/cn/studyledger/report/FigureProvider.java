package cn.studyledger.report;

import cn.studyledger.org.OrgRef;
import java.util.List;

/**
 * Implemented by each module for the figures its records feed. A figure is computed from exactly the
 * records it returns as evidence, so the number and the drill-down can never disagree.
 */
public interface FigureProvider {

    /** The figures this module defines. */
    List<FigureDefinition> definitions();

    /**
     * Computes one of this provider's figures for an organisation and year. The caller has checked that the
     * current user may read the organisation.
     */
    FigureResult compute(String key, OrgRef org, int year);
}
