package cn.studyledger.org;

/** A person as other modules see it. */
public record PersonRef(long id, long orgId, String name, String position, boolean youthCadre, boolean expert) {}
