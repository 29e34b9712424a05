package cn.studyledger.selfstudy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A self-study entry as other modules see it.
 *
 * @param id the entry
 * @param personId who studied
 * @param date when
 * @param hours how long
 * @param content what was read
 */
public record SelfStudySummary(long id, long personId, LocalDate date, BigDecimal hours, String content) {}
