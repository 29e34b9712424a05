package cn.studyledger.org;

/**
 * An organisation as other modules see it.
 *
 * @param id database id
 * @param code stable short code, e.g. {@code XJ-01}
 * @param name full name, e.g. X局
 * @param type kind of organisation
 * @param path materialised path of ids, e.g. {@code /1/3/}
 * @param businessField 业务领域 used in the annual report, may be null
 */
public record OrgRef(long id, String code, String name, OrgType type, String path, String businessField) {}
