package cn.studyledger.common.events;

/**
 * Records of an organisation's year ({@link YearRecord}s) were stored, changed or removed in a transaction that is
 * about to commit: one event per organisation and year, however many records the transaction touched.
 *
 * @param orgId the organisation whose year changed
 * @param year the year that changed
 */
public record YearRecordsChanged(long orgId, int year) implements StudyYearChanged {}
