package cn.studyledger.org;

/**
 * Kind of Party organisation, with the two ways documents name it: the short issuer name (X局党组,
 * X局生态环境监测中心党委), written in titles and text, and the full name (中共X局党组, 中共X局生态环境监测中心委员会),
 * written in the signature.
 */
public enum OrgType {
    PARTY_GROUP("党组", "党组"),
    PARTY_COMMITTEE("党委", "委员会"),
    GENERAL_BRANCH("党总支", "总支部委员会"),
    BRANCH("党支部", "支部委员会");

    private static final String PARTY = "中共";

    private final String label;
    private final String fullLabel;

    OrgType(String label, String fullLabel) {
        this.label = label;
        this.fullLabel = fullLabel;
    }

    public String label() {
        return label;
    }

    /** The short issuer name of an organisation so named: the kind's label once (X局 → X局党组; 信息中心党总支 stays). */
    public String shortName(String name) {
        String n = name.strip();
        return n.endsWith(label) ? n : n + label;
    }

    /**
     * The full name: 中共, the name without the kind's label, and the kind's full form (X局生态环境监测中心党委 →
     * 中共X局生态环境监测中心委员会, X局信息中心党总支 → 中共X局信息中心总支部委员会, X局 → 中共X局党组).
     */
    public String fullName(String name) {
        String s = shortName(name);
        String base = s.substring(0, s.length() - label.length());
        return (base.startsWith(PARTY) ? "" : PARTY) + base + fullLabel;
    }
}
