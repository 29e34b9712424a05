package cn.studyledger.figure;

import cn.studyledger.org.OrgRef;
import java.util.List;
import java.util.Map;

/**
 * Implemented by each module for the per-person figures its records feed (主持、领学、讲评、出勤、发言、自学、学习成果):
 * one row a member in {@code GET /api/v1/orgs/{orgCode}/years/{year}/people/figures}, the member's 学习档案 and the
 * report tokens {@code leader.*}. A person's value is computed from exactly the records about them that the provider
 * returns ({@link Evidence#personId()}), so the number and its drill-down can never disagree. Only {@link
 * FigureDefinition.Kind#COUNT} and {@link FigureDefinition.Kind#SUM} make sense per person.
 */
public interface PersonFigureProvider {

    /** The per-person figures this module defines, keyed by a name unique among all providers (e.g. presided). */
    List<FigureDefinition> personDefinitions();

    /**
     * The records of the organisation and year behind each of this provider's per-person figures, by key, each
     * about the person it counts for. The caller has checked that the current user may read the organisation.
     */
    Map<String, List<Evidence>> personEvidence(OrgRef org, int year);
}
