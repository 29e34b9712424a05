package cn.studyledger.outreach.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A youth theory group (青年理论学习小组): youth cadres of the organisation with a leader, active until it is
 * dissolved. A dissolved group keeps its past 联学共建 links and may be revived.
 */
@Entity
@Table(name = "outreach_youth_group")
class YouthGroup extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(nullable = false)
    private String name;

    @Column(name = "leader_person_id")
    private Long leaderPersonId;

    @Column(nullable = false)
    private boolean active = true;

    @ElementCollection
    @CollectionTable(name = "outreach_youth_group_member", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "person_id", nullable = false)
    private Set<Long> memberIds = new HashSet<>();

    protected YouthGroup() {}

    YouthGroup(long orgId, String name, Long leaderPersonId, Collection<Long> memberIds) {
        this.orgId = orgId;
        describe(name, leaderPersonId, memberIds);
    }

    /** Sets name, leader and members; the leader is always one of the members. */
    void describe(String name, Long leaderPersonId, Collection<Long> memberIds) {
        Set<Long> members = new HashSet<>(memberIds);
        if (leaderPersonId != null) {
            members.add(leaderPersonId);
        }
        if (members.isEmpty()) {
            throw new BusinessRuleException("请至少选择一名小组成员");
        }
        this.name = name;
        this.leaderPersonId = leaderPersonId;
        this.memberIds.clear();
        this.memberIds.addAll(members);
        touch();
    }

    /** Active → dissolved; dissolving twice is refused. */
    void dissolve() {
        if (!active) {
            throw new BusinessRuleException("青年理论学习小组“" + name + "”已撤销");
        }
        active = false;
    }

    /** Dissolved → active; reviving an active group is refused. */
    void revive() {
        if (active) {
            throw new BusinessRuleException("青年理论学习小组“" + name + "”正在活动，无需恢复");
        }
        active = true;
    }

    long orgId() {
        return orgId;
    }

    String name() {
        return name;
    }

    Long leaderPersonId() {
        return leaderPersonId;
    }

    boolean isActive() {
        return active;
    }

    boolean hasMember(long personId) {
        return memberIds.contains(personId);
    }

    /** Member ids in a stable order. */
    List<Long> memberIds() {
        return memberIds.stream().sorted().toList();
    }
}
