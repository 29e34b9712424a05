package cn.studyledger.org.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.org.GroupRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

@Entity
@Table(name = "org_membership")
class Membership extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "study_year", nullable = false, updatable = false)
    private int year;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GroupRole role;

    protected Membership() {}

    Membership(long orgId, int year, long personId, GroupRole role) {
        this.orgId = orgId;
        this.year = year;
        this.personId = personId;
        this.role = role;
    }

    long orgId() {
        return orgId;
    }

    long personId() {
        return personId;
    }

    GroupRole role() {
        return role;
    }

    void changeRole(GroupRole role) {
        this.role = role;
    }
}
