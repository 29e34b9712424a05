package cn.studyledger.selfstudy;

import java.time.LocalDate;

/**
 * A writing (学习成果) as other modules see it, e.g. the rules module checking that every member wrote one.
 *
 * @param id the writing's id
 * @param personId the author
 * @param kind what kind of writing it is
 * @param title its title
 * @param writtenOn the date it was written
 */
public record WritingSummary(long id, long personId, WritingKind kind, String title, LocalDate writtenOn) {}
