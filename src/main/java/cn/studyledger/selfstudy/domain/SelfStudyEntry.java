package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One self-study entry: who studied what, on which day, for how many hours. */
@Entity
@Table(name = "selfstudy_entry")
class SelfStudyEntry extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "study_date", nullable = false)
    private LocalDate date;

    @Column(nullable = false)
    private BigDecimal hours;

    @Column(nullable = false)
    private String content;

    protected SelfStudyEntry() {}

    SelfStudyEntry(long orgId, long personId, LocalDate date, BigDecimal hours, String content) {
        this.orgId = orgId;
        this.personId = personId;
        edit(date, hours, content);
    }

    void edit(LocalDate date, BigDecimal hours, String content) {
        this.date = date;
        this.hours = hours;
        this.content = content;
    }

    long orgId() {
        return orgId;
    }

    long personId() {
        return personId;
    }

    LocalDate date() {
        return date;
    }

    BigDecimal hours() {
        return hours;
    }

    String content() {
        return content;
    }
}
