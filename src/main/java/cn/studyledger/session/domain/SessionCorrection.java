package cn.studyledger.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDateTime;

/** One correction of a held session: when, by whom and why (the change itself is in the audit log). Part of
 * the session page and its JSON. */
@Embeddable
public record SessionCorrection(
        @Column(name = "corrected_at", nullable = false) LocalDateTime at,
        @Column(name = "corrected_by", nullable = false) String by,
        @Column(nullable = false) String reason) {}
