package cn.studyledger.firsttopic;

import java.time.LocalDate;

/**
 * A follow-up task as other modules (e.g. the home page) see it.
 *
 * @param id task id
 * @param orgId organisation the task belongs to
 * @param itemTitle the first-topic item it implements
 * @param title what is to be done
 * @param ownerPersonId the person responsible
 * @param dueOn due date
 * @param status open, done or cancelled
 * @param overdue open and past its due date
 */
public record FollowUpSummary(
        long id,
        long orgId,
        String itemTitle,
        String title,
        long ownerPersonId,
        LocalDate dueOn,
        TaskStatus status,
        boolean overdue) {}
