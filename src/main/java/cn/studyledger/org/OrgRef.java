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
 * @param issuer the short name documents are issued under, e.g. X局党组, X局生态环境监测中心党委 (titles, text)
 * @param issuerFull the full name, e.g. 中共X局党组, 中共X局生态环境监测中心委员会 (signatures)
 */
public record OrgRef(
        long id,
        String code,
        String name,
        OrgType type,
        String path,
        String businessField,
        String issuer,
        String issuerFull) {

    /** An organisation whose issuer names follow from its name and kind ({@link OrgType#shortName}, {@link OrgType#fullName}). */
    public OrgRef(long id, String code, String name, OrgType type, String path, String businessField) {
        this(id, code, name, type, path, businessField, type.shortName(name), type.fullName(name));
    }
}
