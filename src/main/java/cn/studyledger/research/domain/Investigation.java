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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.BatchSize;

/** An investigation (调研) of a year: its theme (调研主题), lead and members. Trips and reports refer to it. */
@Entity
@Table(name = "research_investigation")
class Investigation extends BaseEntity implements YearRecord {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "investigation_year", nullable = false)
    private int year;

    @Column(nullable = false)
    private String theme;

    @Column(name = "lead_person_id", nullable = false)
    private long leadPersonId;

    private String purpose;

    @ElementCollection
    @CollectionTable(name = "research_investigation_member", joinColumns = @JoinColumn(name = "investigation_id"))
    @Column(name = "person_id", nullable = false)
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    private List<Long> memberIds = new ArrayList<>();

    protected Investigation() {}

    Investigation(long orgId) {
        this.orgId = orgId;
    }

    /**
     * Sets the theme, the lead and the members (the lead is a member too).
     *
     * @param tripYears years of the trips already recorded; the year cannot move away from them
     */
    void describe(
            int year,
            String theme,
            long leadPersonId,
            Collection<Long> memberIds,
            String purpose,
            Set<Integer> tripYears) {
        if (tripYears.stream().anyMatch(y -> y != year)) {
            throw new BusinessRuleException("已有不在" + year + "年的调研活动，不能修改调研年度");
        }
        this.year = year;
        this.theme = theme;
        this.leadPersonId = leadPersonId;
        this.purpose = purpose;
        Set<Long> distinct = new LinkedHashSet<>();
        distinct.add(leadPersonId);
        distinct.addAll(memberIds);
        this.memberIds.clear();
        this.memberIds.addAll(distinct);
    }

    long orgId() {
        return orgId;
    }

    int year() {
        return year;
    }

    String theme() {
        return theme;
    }

    long leadPersonId() {
        return leadPersonId;
    }

    String purpose() {
        return purpose;
    }

    List<Long> memberIds() {
        return memberIds;
    }

    @Override
    public OrgYear countsIn() {
        return new OrgYear(orgId(), year());
    }
}
