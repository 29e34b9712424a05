package cn.studyledger.outreach.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A Party branch (党支部) that joins the central group's 联学共建 sessions, kept by name in a small register of
 * the organisation. The branches that study with a 党组's central group are mostly the 机关's own branches
 * (办公室党支部, 规划处党支部 …), which have no central group and are no units of the ledger's tree; a branch
 * that is such a unit is registered under the same name. The register keeps one spelling per branch, so that
 * the same branch is counted once across sessions.
 */
@Entity
@Table(name = "outreach_branch")
class PartnerBranch extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(nullable = false)
    private String name;

    private String note;

    @Column(nullable = false)
    private boolean active = true;

    protected PartnerBranch() {}

    PartnerBranch(long orgId, String name, String note) {
        this.orgId = orgId;
        describe(name, note);
    }

    void describe(String name, String note) {
        this.name = name;
        this.note = note;
    }

    /** Active → retired; retiring twice is refused. */
    void retire() {
        if (!active) {
            throw new BusinessRuleException("党支部“" + name + "”已停用");
        }
        active = false;
    }

    /** Retired → active; reviving an active branch is refused. */
    void revive() {
        if (active) {
            throw new BusinessRuleException("党支部“" + name + "”正在使用，无需恢复");
        }
        active = true;
    }

    long orgId() {
        return orgId;
    }

    String name() {
        return name;
    }

    String note() {
        return note;
    }

    boolean isActive() {
        return active;
    }
}
