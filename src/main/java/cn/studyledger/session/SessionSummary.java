package cn.studyledger.session;

import java.time.LocalDate;

/**
 * A session as other modules see it.
 *
 * @param id session id
 * @param orgId organisation holding it
 * @param date date of the session
 * @param title 学习主题
 * @param format 学习形式
 * @param status planned or held
 */
public record SessionSummary(
        long id, long orgId, LocalDate date, String title, SessionFormat format, SessionStatus status) {}
