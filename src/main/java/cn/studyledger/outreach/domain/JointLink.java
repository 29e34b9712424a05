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
 * The participants of one 联学共建 session besides the central group: youth theory groups and partner
 * branches of the same organisation. The session itself belongs to the session module and is referred to by
 * id only. A link always has at least one participant; clearing them removes the link.
 */
@Entity
@Table(name = "outreach_joint_link")
class JointLink extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "session_id", nullable = false, updatable = false)
    private long sessionId;

    @ElementCollection
    @CollectionTable(name = "outreach_joint_youth_group", joinColumns = @JoinColumn(name = "link_id"))
    @Column(name = "group_id", nullable = false)
    private Set<Long> youthGroupIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "outreach_joint_branch", joinColumns = @JoinColumn(name = "link_id"))
    @Column(name = "branch_id", nullable = false)
    private Set<Long> branchIds = new HashSet<>();

    protected JointLink() {}

    JointLink(long orgId, long sessionId) {
        this.orgId = orgId;
        this.sessionId = sessionId;
    }

    /** Replaces the participants; a link without any participant is refused (remove it instead). */
    void participants(Collection<Long> youthGroups, Collection<Long> branches) {
        if (youthGroups.isEmpty() && branches.isEmpty()) {
            throw new BusinessRuleException("请至少选择一个青年理论学习小组或党支部");
        }
        youthGroupIds.clear();
        youthGroupIds.addAll(youthGroups);
        branchIds.clear();
        branchIds.addAll(branches);
        touch();
    }

    long orgId() {
        return orgId;
    }

    long sessionId() {
        return sessionId;
    }

    List<Long> youthGroupIds() {
        return youthGroupIds.stream().sorted().toList();
    }

    List<Long> branchIds() {
        return branchIds.stream().sorted().toList();
    }

    boolean hasYouthGroup(long id) {
        return youthGroupIds.contains(id);
    }

    boolean hasBranch(long id) {
        return branchIds.contains(id);
    }
}
