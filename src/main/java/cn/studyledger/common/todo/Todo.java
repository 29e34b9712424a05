package cn.studyledger.common.todo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One line of a user's work list (the home page's 待办事项 and {@code GET /api/v1/me/todos}): something due or waiting
 * for the user in an organisation, whatever the year it belongs to.
 *
 * <p>Kinds ({@link #kind}): {@code session.planned} (sessions planned this month), {@code session.unrecorded}
 * (sessions past their date not marked held), {@code session.studyPlan} (学习方案 waiting for the 组长),
 * {@code leave.pending} (leave requests to decide), {@code makeup.open} (the user's make-up studies still owed),
 * {@code plan.submitted} (annual plans waiting for approval), {@code report.submitted} (an annual report waiting
 * for 定稿), {@code supervision.materials} (列席旁听 学习方案 and materials the visited unit still has to submit),
 * {@code supervision.review} (submitted 学习方案 the supervising organisation still has to review),
 * {@code supervision.summary} (小结 still to write after a visited session), {@code overdue.<overdue kind>} (open
 * items past their due date, by the overdue list's kinds: {@code overdue.firsttopic.task} 第一议题落实任务,
 * {@code overdue.supervision.rectification} 列席旁听整改事项), and the compliance rules' early warnings
 * {@code rule.<warning>} (e.g. {@code rule.sessionsPerQuarter}, {@code rule.firstTopicTimeliness}).
 *
 * @param kind what the item is, one of the kinds above
 * @param title what the list shows, in Chinese
 * @param count how many records the item stands for
 * @param due the earliest date by which one of them is due, or {@code null} when nothing sets one
 * @param overdue whether that date has passed
 * @param url the page that lists them (a path; it switches the working year when the item is of another one)
 * @param orgCode the organisation they belong to
 * @param year the study year they belong to, or {@code null} when they span years
 */
public record Todo(
        String kind,
        String title,
        long count,
        LocalDate due,
        boolean overdue,
        String url,
        String orgCode,
        Integer year) {

    /**
     * One item a year for the records that are due or waiting, each year's with the earliest due date of its
     * records, in the order of the years.
     *
     * @param records the records, of any years
     * @param yearOf the year a record belongs to
     * @param dueOf the date a record is due by
     */
    public static <T> List<Todo> perYear(
            List<T> records,
            Function<T, Integer> yearOf,
            Function<T, LocalDate> dueOf,
            String kind,
            String title,
            String path,
            TodoSource.TodoQuestion q) {
        List<Todo> todos = new ArrayList<>();
        records.stream()
                .collect(Collectors.groupingBy(yearOf, TreeMap::new, Collectors.toList()))
                .forEach((year, its) -> todos.add(of(
                        kind,
                        title,
                        its.size(),
                        its.stream().map(dueOf).min(LocalDate::compareTo).orElseThrow(),
                        q.today(),
                        path,
                        q.orgCode(),
                        year)));
        return todos;
    }

    /** An item of a year: its page opens in that year ({@code workYear}, see {@code config.WorkContextAdvice}). */
    public static Todo of(
            String kind,
            String title,
            long count,
            LocalDate due,
            LocalDate today,
            String path,
            String orgCode,
            int year) {
        String url = path + (path.contains("?") ? "&" : "?") + "workYear=" + year;
        return new Todo(kind, title, count, due, due != null && due.isBefore(today), url, orgCode, year);
    }
}
