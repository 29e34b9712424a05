package cn.studyledger.outreach.domain;

/** A youth group or branch linked to a 联学共建 session. */
public record ParticipantView(long id, String name, boolean active) {}
