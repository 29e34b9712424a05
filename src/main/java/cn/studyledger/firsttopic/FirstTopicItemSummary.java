package cn.studyledger.firsttopic;

import java.time.LocalDate;

/**
 * A first-topic item as other modules (e.g. the rule "each item studied within 30 days of publication") see it.
 *
 * @param id item id
 * @param orgId organisation that studies it
 * @param title what was published
 * @param source where it was published (讲话、文件)
 * @param publishedOn publication date
 * @param firstStudiedOn date of the first held session that studied it, null while none has (in any year)
 */
public record FirstTopicItemSummary(
        long id, long orgId, String title, String source, LocalDate publishedOn, LocalDate firstStudiedOn) {}
