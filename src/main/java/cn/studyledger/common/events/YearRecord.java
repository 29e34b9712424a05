package cn.studyledger.common.events;

import java.time.LocalDate;

/**
 * A record that counts in one organisation's study year (a 第一议题 item by its publication, a field trip by its
 * date, a plan by its year …). Storing, changing or removing it changes that year — and, when a change moves it to
 * another year, the year it came from too: {@code common.YearChanges} publishes a {@link YearRecordsChanged} for each
 * once the transaction is about to commit, so a module need not publish an event from every form it saves.
 */
public interface YearRecord {

    /** The organisation and year the record counts in now, or {@code null} while it has no date. */
    OrgYear countsIn();

    /**
     * One organisation's year.
     *
     * @param orgId the organisation's id
     * @param year the year
     */
    record OrgYear(long orgId, int year) {

        /** The year of the date, or {@code null} for a record without one yet. */
        public static OrgYear of(long orgId, LocalDate date) {
            return date == null ? null : new OrgYear(orgId, date.getYear());
        }
    }
}
