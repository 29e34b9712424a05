package cn.studyledger.common.todo;

import java.util.List;

/**
 * What a module contributes to the work list: its items for the current user in one organisation, as of a day
 * (from the office clock). A source answers only what the user has a part in (by the user's permissions and, for a
 * member's own work, the person); the dashboard collects every source and orders the list.
 */
public interface TodoSource {

    List<Todo> todos(TodoQuestion question);

    /**
     * Whose work list, where and when.
     *
     * @param orgId the organisation's id
     * @param orgCode the organisation's code
     * @param personId the current user's person, or {@code null} for an account without one
     * @param today the office's today
     */
    record TodoQuestion(long orgId, String orgCode, Long personId, java.time.LocalDate today) {}
}
