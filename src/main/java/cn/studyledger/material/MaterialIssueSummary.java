package cn.studyledger.material;

import java.time.LocalDate;

/**
 * A published material issue as other modules see it.
 *
 * @param id the issue's id
 * @param issueNo its number within the year (第N期)
 * @param title its title
 * @param publishedOn the date it was published
 * @param files how many files it carries
 */
public record MaterialIssueSummary(long id, int issueNo, String title, LocalDate publishedOn, int files) {}
