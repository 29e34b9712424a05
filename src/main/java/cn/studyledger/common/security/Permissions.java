package cn.studyledger.common.security;

/** Permission strings used in {@code @PreAuthorize} and in templates; granted through {@link Role}. */
public final class Permissions {

    public static final String ORG_VIEW = "org:unit:view";
    public static final String ORG_EDIT = "org:unit:edit";
    public static final String PERSON_VIEW = "org:person:view";
    public static final String PERSON_EDIT = "org:person:edit";
    public static final String MEMBERSHIP_EDIT = "org:membership:edit";
    public static final String ACCOUNT_VIEW = "org:account:view";
    public static final String ACCOUNT_EDIT = "org:account:edit";
    public static final String ACCOUNT_UNLOCK = "org:account:unlock";
    /** Grants and revokes roles: the security administrator's duty (三员分立), never the system administrator's. */
    public static final String ACCOUNT_GRANT = "org:account:grant";
    /** Issues a one-time first-password code (new account, forgotten password). */
    public static final String ACCOUNT_CODE = "org:account:code";

    public static final String AUDIT_VIEW = "audit:log:view";
    public static final String SESSION_VIEW = "session:session:view";
    public static final String SESSION_EDIT = "session:session:edit";
    public static final String SELFSTUDY_OWN = "selfstudy:entry:own";
    public static final String SELFSTUDY_ALL = "selfstudy:entry:all";
    public static final String PLAN_VIEW = "plan:plan:view";
    public static final String PLAN_EDIT = "plan:plan:edit";
    public static final String PLAN_APPROVE = "plan:plan:approve";
    public static final String SESSION_APPROVE = "session:session:approve";
    public static final String LEAVE_REQUEST = "session:leave:request";
    public static final String LEAVE_APPROVE = "session:leave:approve";
    public static final String FIRSTTOPIC_VIEW = "firsttopic:item:view";
    public static final String FIRSTTOPIC_EDIT = "firsttopic:item:edit";
    public static final String WRITING_OWN = "selfstudy:writing:own";
    public static final String MATERIAL_VIEW = "material:issue:view";
    public static final String MATERIAL_EDIT = "material:issue:edit";
    public static final String SUPERVISION_VIEW = "supervision:visit:view";
    public static final String SUPERVISION_EDIT = "supervision:visit:edit";
    public static final String SUPERVISION_OBSERVE = "supervision:visit:observe";
    public static final String SUPERVISION_RESPOND = "supervision:visit:respond";
    public static final String RESEARCH_VIEW = "research:topic:view";
    public static final String RESEARCH_EDIT = "research:topic:edit";
    public static final String RESEARCH_JUDGE = "research:selection:judge";
    public static final String OUTREACH_VIEW = "outreach:item:view";
    public static final String OUTREACH_EDIT = "outreach:item:edit";
    public static final String ROLLUP_VIEW = "report:rollup:view";
    public static final String FIGURE_VIEW = "report:figure:view";
    public static final String REPORT_EXPORT = "report:report:export";
    public static final String REPORT_EDIT = "report:report:edit";
    public static final String REPORT_APPROVE = "report:report:approve";
    public static final String RULES_VIEW = "rules:rule:view";
    public static final String RULES_EDIT = "rules:rule:edit";
    public static final String DASHBOARD_VIEW = "dashboard:chart:view";
    public static final String LEDGER_EXPORT = "archive:ledger:export";
    public static final String ARCHIVE_EXPORT = "archive:archive:export";
    public static final String ARCHIVE_IMPORT = "archive:archive:import";
    /** Reads the 学习提示 an organisation issued or received. */
    public static final String NOTICE_VIEW = "liaison:notice:view";
    /** Issues 学习提示 to the organisation's direct subordinate units. */
    public static final String NOTICE_ISSUE = "liaison:notice:issue";
    /** Acknowledges (签收) a 学习提示 for the unit and links the sessions that carried it out. */
    public static final String NOTICE_ACKNOWLEDGE = "liaison:notice:acknowledge";
    /** Reads the filings (报送) an organisation made or received. */
    public static final String SUBMISSION_VIEW = "liaison:submission:view";
    /** Files the organisation's own final documents to the organisation above it. */
    public static final String SUBMISSION_FILE = "liaison:submission:file";
    /** Accepts or returns the filings of the organisation's direct subordinate units. */
    public static final String SUBMISSION_DECIDE = "liaison:submission:decide";
    /** Reads an organisation's assessment of its direct subordinate units, and a unit its own scorecard. */
    public static final String ASSESSMENT_VIEW = "assessment:assessment:view";
    /** Prepares the assessment: criteria, adjustments, commendations, publication, answers, issue (the clerk). */
    public static final String ASSESSMENT_EDIT = "assessment:assessment:edit";
    /** Approves the published assessment or sends it back (the 组长). */
    public static final String ASSESSMENT_APPROVE = "assessment:assessment:approve";
    /** Objects to the unit's own published scorecard (the unit's clerk). */
    public static final String ASSESSMENT_OBJECT = "assessment:scorecard:object";

    private Permissions() {}
}
