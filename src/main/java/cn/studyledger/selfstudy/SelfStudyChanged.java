package cn.studyledger.selfstudy;

import cn.studyledger.common.events.StudyYearChanged;

/**
 * A self-study entry or a writing (学习成果) was logged, changed or removed: the organisation's year holds other
 * hours or writings now (a record moved to another year changes both years, one event each).
 *
 * @param orgId the organisation the record is logged in
 * @param year the year of the record's date
 */
public record SelfStudyChanged(long orgId, int year) implements StudyYearChanged {}
