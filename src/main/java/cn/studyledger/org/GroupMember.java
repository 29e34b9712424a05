package cn.studyledger.org;

/** A person's place in a central group for a year. */
public record GroupMember(long personId, String name, String position, GroupRole role) {}
