package cn.studyledger.outreach.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.events.YearRecord;
import cn.studyledger.outreach.ExchangeRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * An experience-exchange meeting (经验交流会) outside the central group's own sessions, that the organisation
 * hosted or attended, e.g. a city-wide exchange of the system's central groups. The group's own exchange
 * sessions are sessions of format 经验交流会 and live in the session module.
 */
@Entity
@Table(name = "outreach_exchange_meeting")
class ExchangeMeeting extends BaseEntity implements YearRecord {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(nullable = false)
    private String title;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Column(nullable = false)
    private String host;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExchangeRole role;

    @Column(nullable = false)
    private int participants;

    private String summary;

    protected ExchangeMeeting() {}

    ExchangeMeeting(long orgId) {
        this.orgId = orgId;
    }

    void describe(String title, LocalDate heldOn, String host, ExchangeRole role, int participants, String summary) {
        if (participants < 1) {
            throw new BusinessRuleException("参加人数应至少为1人");
        }
        this.title = title;
        this.heldOn = heldOn;
        this.host = host;
        this.role = role;
        this.participants = participants;
        this.summary = summary;
    }

    long orgId() {
        return orgId;
    }

    String title() {
        return title;
    }

    LocalDate heldOn() {
        return heldOn;
    }

    String host() {
        return host;
    }

    ExchangeRole role() {
        return role;
    }

    int participants() {
        return participants;
    }

    String summary() {
        return summary;
    }

    @Override
    public OrgYear countsIn() {
        return OrgYear.of(orgId(), heldOn());
    }
}
