package cn.studyledger.org.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.Texts;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.OrgType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

@Entity
@Table(name = "org_unit")
class OrgUnit extends BaseEntity {

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrgType type;

    @Column(name = "parent_id", updatable = false)
    private Long parentId;

    @Column(nullable = false)
    private String path = "/";

    @Column(name = "business_field")
    private String businessField;

    @Column(nullable = false)
    private boolean active = true;

    /** The short issuer name as the clerk set it; {@code null} while it follows from the name and kind. */
    @Column(name = "issuer_name")
    private String issuer;

    /** The full name as the clerk set it; {@code null} while it follows from the name and kind. */
    @Column(name = "issuer_full_name")
    private String issuerFull;

    protected OrgUnit() {}

    OrgUnit(String code, String name, OrgType type, Long parentId, String businessField) {
        this.code = code;
        this.name = name;
        this.type = type;
        this.parentId = parentId;
        this.businessField = businessField;
    }

    /** Sets the materialised path once the id is known: the parent's path followed by this id. */
    void placeUnder(String parentPath) {
        this.path = parentPath + getId() + "/";
    }

    void edit(String name, OrgType type, String businessField) {
        this.name = name;
        this.type = type;
        this.businessField = businessField;
    }

    /**
     * The names documents are issued under; one blank or equal to what the name and kind give is not kept, so it
     * follows a later change of the name.
     */
    void nameIssuer(String issuer, String issuerFull) {
        this.issuer = unlessDerived(issuer, type.shortName(name));
        this.issuerFull = unlessDerived(issuerFull, type.fullName(name));
    }

    private static String unlessDerived(String value, String derived) {
        String v = Texts.blankToNull(value);
        return v == null || v.equals(derived) ? null : v;
    }

    void deactivate() {
        this.active = false;
    }

    String code() {
        return code;
    }

    String path() {
        return path;
    }

    Long parentId() {
        return parentId;
    }

    boolean isActive() {
        return active;
    }

    OrgRef toRef() {
        return new OrgRef(
                getId(),
                code,
                name,
                type,
                path,
                businessField,
                issuer != null ? issuer : type.shortName(name),
                issuerFull != null ? issuerFull : type.fullName(name));
    }
}
