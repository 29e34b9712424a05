package cn.studyledger.liaison.domain;

import cn.studyledger.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * Another installation an organisation's clerk trusts: its Ed25519 public key, checked against the fingerprint the
 * other side read out, standing for one organisation as registered here — the organisation directly above (its
 * notices are imported) or a direct subordinate unit (its filings are imported).
 */
@Entity
@Table(name = "liaison_trusted_peer")
class TrustedPeer extends BaseEntity {

    @Column(name = "owner_org_id", nullable = false, updatable = false)
    private long ownerOrgId;

    @Column(name = "stands_for_org_id", nullable = false, updatable = false)
    private long standsForOrgId;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false, updatable = false)
    private String fingerprint;

    @Column(name = "public_key", nullable = false, updatable = false)
    private String publicKey;

    protected TrustedPeer() {}

    TrustedPeer(long ownerOrgId, long standsForOrgId, String name, String fingerprint, String publicKey) {
        this.ownerOrgId = ownerOrgId;
        this.standsForOrgId = standsForOrgId;
        this.name = name;
        this.fingerprint = fingerprint;
        this.publicKey = publicKey;
    }

    long ownerOrgId() {
        return ownerOrgId;
    }

    long standsForOrgId() {
        return standsForOrgId;
    }

    String name() {
        return name;
    }

    String fingerprint() {
        return fingerprint;
    }

    String publicKey() {
        return publicKey;
    }
}
