package cn.studyledger.plan;

import cn.studyledger.plan.domain.PlanDocument;
import cn.studyledger.plan.domain.PlanQueries;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other modules may ask of annual plans (e.g. the rule "the annual plan is approved before its first
 * session"). No scope checks here: callers check the organisation (through {@code OrgApi}) before they ask.
 */
@Service
public class PlanApi {

    private final PlanQueries queries;
    private final PlanDocument document;

    PlanApi(PlanQueries queries, PlanDocument document) {
        this.queries = queries;
        this.document = document;
    }

    /**
     * The year's approved plan (the revision in force) as .docx in the official layout, or empty when no revision
     * of the year is approved. Checks that the current user may read the organisation (404 otherwise) and view
     * plans.
     */
    public Optional<byte[]> planDocx(String orgCode, int year) {
        return document.docx(orgCode, year);
    }

    /** The current plan of the year: its latest revision, whatever its status. */
    public Optional<PlanSummary> current(long orgId, int year) {
        return queries.current(orgId, year);
    }

    /** The plan in force for the year: its latest approved revision. */
    public Optional<PlanSummary> effective(long orgId, int year) {
        return queries.effective(orgId, year);
    }

    /** The day the year's plan was first approved (revision 1 or the first revision approved). */
    public Optional<LocalDate> firstApprovedOn(long orgId, int year) {
        return queries.firstApprovedOn(orgId, year);
    }
}
