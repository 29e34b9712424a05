package cn.studyledger.outreach;

import java.time.LocalDate;

/**
 * A publicity item as other modules see it.
 *
 * @param id item id
 * @param channel where it appeared
 * @param column 专栏, may be null
 * @param title title
 * @param publishedOn date of publication
 */
public record PublicitySummary(long id, PublicityChannel channel, String column, String title, LocalDate publishedOn) {}
