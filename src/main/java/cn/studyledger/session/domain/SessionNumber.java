package cn.studyledger.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A held session's number in its organisation's year: 第{@code ordinal}次 of all its sessions, 第{@code formatOrdinal}次
 * of its format. Given when the session is marked held, never renumbered.
 *
 * @param year the calendar year of the session's date (a held session never moves to another year)
 */
@Embeddable
record SessionNumber(
        @Column(name = "ordinal_year") Integer year,
        @Column(name = "ordinal") Integer ordinal,
        @Column(name = "format_ordinal") Integer formatOrdinal) {

    SessionNumber withFormatOrdinal(int formatOrdinal) {
        return new SessionNumber(year, ordinal, formatOrdinal);
    }
}
