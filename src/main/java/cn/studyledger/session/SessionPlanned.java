package cn.studyledger.session;

import java.time.LocalDate;

/**
 * A session was entered (计划中): it is on the organisation's calendar but counts in no figure or rule until it is
 * held ({@link SessionHeld}).
 */
public record SessionPlanned(long sessionId, long orgId, LocalDate date) {}
