package cn.studyledger.research.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
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
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** A field trip (调研活动) of an investigation: when, where, who went and what they found. */
@Entity
@Table(name = "research_trip")
class FieldTrip extends BaseEntity implements YearRecord {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "investigation_id", nullable = false, updatable = false)
    private long investigationId;

    @Column(name = "trip_date", nullable = false)
    private LocalDate date;

    @Column(nullable = false)
    private String place;

    @Column(nullable = false)
    private String findings;

    @ElementCollection
    @CollectionTable(name = "research_trip_participant", joinColumns = @JoinColumn(name = "trip_id"))
    @Column(name = "person_id", nullable = false)
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    private List<Long> participantIds = new ArrayList<>();

    protected FieldTrip() {}

    FieldTrip(long orgId, long investigationId) {
        this.orgId = orgId;
        this.investigationId = investigationId;
    }

    /**
     * Sets the trip's facts. The trip belongs to its investigation's year, so the year's figures count it once.
     *
     * @param investigationYear the year of the investigation
     */
    void describe(
            LocalDate date,
            String place,
            String findings,
            Collection<Long> participantIds,
            int investigationYear,
            LocalDate today) {
        if (date.getYear() != investigationYear) {
            throw new BusinessRuleException("调研活动日期须在调研所属的" + investigationYear + "年内");
        }
        if (date.isAfter(today)) {
            throw new BusinessRuleException("调研活动日期不能晚于今天，尚未开展的调研请在开展后登记");
        }
        if (participantIds.isEmpty()) {
            throw new BusinessRuleException("请选择参加调研的人员");
        }
        this.date = date;
        this.place = place;
        this.findings = findings;
        this.participantIds.clear();
        this.participantIds.addAll(new LinkedHashSet<>(participantIds));
    }

    long orgId() {
        return orgId;
    }

    long investigationId() {
        return investigationId;
    }

    LocalDate date() {
        return date;
    }

    String place() {
        return place;
    }

    String findings() {
        return findings;
    }

    List<Long> participantIds() {
        return participantIds;
    }

    @Override
    public OrgYear countsIn() {
        return OrgYear.of(orgId(), date());
    }
}
