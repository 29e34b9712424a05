package cn.studyledger.liaison;

import java.time.LocalDate;

/**
 * By when the units of an organisation file each kind of a year (报送时限): a setting of the superior's rule table
 * with its default and source, which the rules module keeps (and implements this for).
 */
public interface SubmissionDeadlines {

    /** The date by which a unit of {@code superiorOrgId} files {@code kind} of {@code year}. */
    LocalDate due(long superiorOrgId, int year, SubmissionKind kind);
}
