package cn.studyledger.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDateTime;

/** Why, by whom and when a planned session was cancelled; part of the session page and its JSON. */
@Embeddable
public record Cancellation(
        @Column(name = "cancel_reason") String reason,
        @Column(name = "cancelled_by") String by,
        @Column(name = "cancelled_at") LocalDateTime at) {}
