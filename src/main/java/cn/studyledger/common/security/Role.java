package cn.studyledger.common.security;

import java.util.Set;

/**
 * The roles of DESIGN.md §1, each with the permission strings ({@code module:resource:action}) it grants
 * and whether its scope reaches the descendants of the organisation it is granted at.
 */
public enum Role {
    SYS_ADMIN(
            "系统管理员",
            true,
            Set.of(
                    Permissions.ORG_VIEW,
                    Permissions.ORG_EDIT,
                    Permissions.PERSON_VIEW,
                    Permissions.PERSON_EDIT,
                    Permissions.ACCOUNT_VIEW,
                    Permissions.ACCOUNT_EDIT,
                    Permissions.ARCHIVE_IMPORT)),
    SEC_ADMIN(
            "安全管理员",
            true,
            Set.of(
                    Permissions.ACCOUNT_VIEW,
                    Permissions.ACCOUNT_UNLOCK,
                    Permissions.ACCOUNT_GRANT,
                    Permissions.ACCOUNT_CODE)),
    AUDITOR("审计管理员", true, Set.of(Permissions.AUDIT_VIEW)),
    CLERK(
            "学习秘书",
            false,
            Set.of(
                    Permissions.PERSON_VIEW,
                    Permissions.PERSON_EDIT,
                    Permissions.MEMBERSHIP_EDIT,
                    Permissions.SESSION_VIEW,
                    Permissions.SESSION_EDIT,
                    Permissions.SELFSTUDY_OWN,
                    Permissions.SELFSTUDY_ALL,
                    Permissions.FIGURE_VIEW,
                    Permissions.REPORT_EXPORT,
                    Permissions.PLAN_VIEW,
                    Permissions.PLAN_EDIT,
                    Permissions.FIRSTTOPIC_VIEW,
                    Permissions.FIRSTTOPIC_EDIT,
                    Permissions.WRITING_OWN,
                    Permissions.MATERIAL_VIEW,
                    Permissions.MATERIAL_EDIT,
                    Permissions.SUPERVISION_VIEW,
                    Permissions.SUPERVISION_EDIT,
                    Permissions.SUPERVISION_RESPOND,
                    Permissions.RESEARCH_VIEW,
                    Permissions.RESEARCH_EDIT,
                    Permissions.OUTREACH_VIEW,
                    Permissions.OUTREACH_EDIT,
                    Permissions.REPORT_EDIT,
                    Permissions.RULES_VIEW,
                    Permissions.RULES_EDIT,
                    Permissions.DASHBOARD_VIEW,
                    Permissions.LEDGER_EXPORT,
                    Permissions.ARCHIVE_EXPORT,
                    Permissions.NOTICE_VIEW,
                    Permissions.NOTICE_ISSUE,
                    Permissions.NOTICE_ACKNOWLEDGE,
                    Permissions.SUBMISSION_VIEW,
                    Permissions.SUBMISSION_FILE,
                    Permissions.SUBMISSION_DECIDE,
                    Permissions.ASSESSMENT_VIEW,
                    Permissions.ASSESSMENT_EDIT,
                    Permissions.ASSESSMENT_OBJECT)),
    LEADER(
            "组长",
            false,
            Set.of(
                    Permissions.PERSON_VIEW,
                    Permissions.SESSION_VIEW,
                    Permissions.SELFSTUDY_OWN,
                    Permissions.SELFSTUDY_ALL,
                    Permissions.FIGURE_VIEW,
                    Permissions.REPORT_EXPORT,
                    Permissions.PLAN_VIEW,
                    Permissions.PLAN_APPROVE,
                    Permissions.SESSION_APPROVE,
                    Permissions.LEAVE_APPROVE,
                    Permissions.FIRSTTOPIC_VIEW,
                    Permissions.MATERIAL_VIEW,
                    Permissions.SUPERVISION_VIEW,
                    Permissions.RESEARCH_VIEW,
                    Permissions.RESEARCH_JUDGE,
                    Permissions.OUTREACH_VIEW,
                    Permissions.REPORT_APPROVE,
                    Permissions.RULES_VIEW,
                    Permissions.DASHBOARD_VIEW,
                    Permissions.LEDGER_EXPORT,
                    Permissions.NOTICE_VIEW,
                    Permissions.SUBMISSION_VIEW,
                    Permissions.ASSESSMENT_VIEW,
                    Permissions.ASSESSMENT_APPROVE)),
    MEMBER(
            "中心组成员",
            false,
            Set.of(
                    Permissions.SESSION_VIEW,
                    Permissions.SELFSTUDY_OWN,
                    Permissions.PLAN_VIEW,
                    Permissions.LEAVE_REQUEST,
                    Permissions.WRITING_OWN,
                    Permissions.FIRSTTOPIC_VIEW,
                    Permissions.MATERIAL_VIEW,
                    Permissions.RESEARCH_VIEW,
                    Permissions.RESEARCH_JUDGE,
                    Permissions.OUTREACH_VIEW)),
    OBSERVER("列席旁听组成员", true, Set.of(Permissions.SUPERVISION_VIEW, Permissions.SUPERVISION_OBSERVE)),
    SUPERIOR(
            "上级党委",
            true,
            Set.of(
                    Permissions.ORG_VIEW,
                    Permissions.PERSON_VIEW,
                    Permissions.SESSION_VIEW,
                    Permissions.SELFSTUDY_ALL,
                    Permissions.FIGURE_VIEW,
                    Permissions.REPORT_EXPORT,
                    Permissions.PLAN_VIEW,
                    Permissions.FIRSTTOPIC_VIEW,
                    Permissions.MATERIAL_VIEW,
                    Permissions.SUPERVISION_VIEW,
                    Permissions.RESEARCH_VIEW,
                    Permissions.OUTREACH_VIEW,
                    Permissions.ROLLUP_VIEW,
                    Permissions.RULES_VIEW,
                    Permissions.DASHBOARD_VIEW,
                    Permissions.LEDGER_EXPORT,
                    Permissions.NOTICE_VIEW,
                    Permissions.SUBMISSION_VIEW,
                    Permissions.ASSESSMENT_VIEW));

    private final String label;
    private final boolean coversDescendants;
    private final Set<String> permissions;

    Role(String label, boolean coversDescendants, Set<String> permissions) {
        this.label = label;
        this.coversDescendants = coversDescendants;
        this.permissions = permissions;
    }

    public String label() {
        return label;
    }

    public boolean coversDescendants() {
        return coversDescendants;
    }

    public Set<String> permissions() {
        return permissions;
    }

    /**
     * The three administrators of 三员分立 (MLPS level 3): system, security and audit administrator. One account
     * holds at most one of them and then no business role.
     */
    public boolean isAdministrator() {
        return this == SYS_ADMIN || this == SEC_ADMIN || this == AUDITOR;
    }

    /** Roles whose holders see the study records of the organisations in their scope. */
    public boolean readsStudyRecords() {
        return this == CLERK || this == LEADER || this == MEMBER || this == SUPERIOR;
    }
}
