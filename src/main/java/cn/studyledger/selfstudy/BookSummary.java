package cn.studyledger.selfstudy;

import java.time.LocalDate;

/**
 * A book read (原著研读) as other modules see it, e.g. the member's 学习档案.
 *
 * @param id the book record's id
 * @param personId the reader
 * @param title the book's title
 * @param author its author, null when not given
 * @param startedOn when the reading began
 * @param finishedOn when it was finished, null while still being read
 */
public record BookSummary(
        long id, long personId, String title, String author, LocalDate startedOn, LocalDate finishedOn) {}
