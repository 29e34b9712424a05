package cn.studyledger.report.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.Texts;
import cn.studyledger.figure.Period;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * The 发文字号 and 签发人 of an organisation's annual report of a year, as its clerk copies them from the office's
 * 收发文 register (the register assigns the 序号; the ledger never counts one up by itself).
 */
@Entity
@Table(name = "report_letterhead")
class Letterhead extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "report_year", nullable = false, updatable = false)
    private int reportYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "report_period", nullable = false, updatable = false)
    private Period.Part part = Period.Part.YEAR;

    @Column(name = "code_prefix")
    private String codePrefix;

    @Column(name = "issue_year")
    private Integer issueYear;

    private Integer serial;

    private String signer;

    protected Letterhead() {}

    Letterhead(long orgId, Period period) {
        this.orgId = orgId;
        this.reportYear = period.year();
        this.part = period.part();
    }

    void set(String codePrefix, Integer issueYear, Integer serial, String signer) {
        this.codePrefix = Texts.blankToNull(codePrefix);
        this.issueYear = issueYear;
        this.serial = serial;
        this.signer = Texts.blankToNull(signer);
    }

    String codePrefix() {
        return codePrefix;
    }

    Integer issueYear() {
        return issueYear;
    }

    Integer serial() {
        return serial;
    }

    String signer() {
        return signer;
    }
}
