package cn.studyledger.tracking;

import java.time.LocalDate;

/**
 * One overdue item of the cross-module overdue list.
 *
 * @param kind the contributing provider's kind, e.g. {@code firsttopic.task}
 * @param kindLabel the kind as users know it, e.g. 第一议题落实任务
 * @param id the item's id in its module
 * @param orgCode organisation responsible for the item
 * @param orgName its name
 * @param title what is to be done
 * @param context what the item comes from (the first-topic item, the supervised session)
 * @param ownerName the person responsible
 * @param dueOn due date
 * @param daysOverdue days past the due date
 * @param url page of the item
 */
public record OverdueItem(
        String kind,
        String kindLabel,
        long id,
        String orgCode,
        String orgName,
        String title,
        String context,
        String ownerName,
        LocalDate dueOn,
        long daysOverdue,
        String url) {}
