package cn.studyledger.selfstudy;

import cn.studyledger.common.events.StudyYearChanged;

/**
 * A self-study entry was logged, changed or removed: the organisation's year holds other hours now (an entry moved
 * to another year changes both years, one event each).
 *
 * @param orgId the organisation the entry is logged in
 * @param year the year of the entry's date
 */
public record SelfStudyChanged(long orgId, int year) implements StudyYearChanged {}
