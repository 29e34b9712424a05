package cn.studyledger.liaison.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.events.YearRecord;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A 学习提示 (or 学习安排) an organisation issued to its direct subordinate units: what to study, the materials, and
 * by when. Issued once; what each unit did with it is its {@link NoticeReceipt}.
 */
@Entity
@Table(name = "liaison_notice")
class Notice extends BaseEntity implements YearRecord {

    @Column(name = "issuer_org_id", nullable = false, updatable = false)
    private long issuerOrgId;

    @Column(name = "notice_year", nullable = false, updatable = false)
    private int year;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String content;

    @Column(name = "issued_on", nullable = false, updatable = false)
    private LocalDate issuedOn;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @ElementCollection
    @CollectionTable(name = "liaison_notice_material", joinColumns = @JoinColumn(name = "notice_id"))
    @OrderColumn(name = "position")
    @Column(name = "title", nullable = false)
    private List<String> materials = new ArrayList<>();

    /** The signer's fingerprint, for a record imported from a signed file of another installation. */
    @Column(name = "origin_fingerprint", updatable = false)
    private String originFingerprint;

    /** The SHA-256 of the signed manifest it was imported from: the same file is imported once. */
    @Column(name = "origin_sha256", updatable = false)
    private String originSha256;

    protected Notice() {}

    Notice(
            long issuerOrgId,
            String title,
            String content,
            List<String> materials,
            LocalDate issuedOn,
            LocalDate dueOn) {
        this.issuerOrgId = issuerOrgId;
        this.year = issuedOn.getYear();
        this.title = title;
        this.content = content;
        this.materials = new ArrayList<>(materials);
        this.issuedOn = issuedOn;
        this.dueOn = dueOn;
    }

    @Override
    public OrgYear countsIn() {
        return new OrgYear(issuerOrgId, year);
    }

    long issuerOrgId() {
        return issuerOrgId;
    }

    int year() {
        return year;
    }

    String title() {
        return title;
    }

    String content() {
        return content;
    }

    List<String> materials() {
        return List.copyOf(materials);
    }

    LocalDate issuedOn() {
        return issuedOn;
    }

    LocalDate dueOn() {
        return dueOn;
    }

    /** Marks the record as imported from a signed file: who signed it and which file it was. */
    void importedFrom(String fingerprint, String manifestSha256) {
        this.originFingerprint = fingerprint;
        this.originSha256 = manifestSha256;
    }

    String originFingerprint() {
        return originFingerprint;
    }
}
