package cn.studyledger.archive.domain;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a year archive holds: the organisation's records, an explicit list of tables ({@link #ARCHIVED}); the
 * tables it never carries, each with its reason ({@link #LEFT_OUT}; a table in neither list is left out too, and
 * {@code ArchiveCatalogueTests} fails until someone decides); and the columns holding secrets, never written
 * ({@link #SECRET_COLUMNS}, and any column whose name says credential).
 */
final class ArchiveCatalogue {

    static final String ORG_UNIT = "org_unit";
    static final String ACCOUNT = "org_account";
    static final String ROLE_GRANT = "org_role_grant";

    /** The organisation's records: the only tables a year archive carries and an import accepts. */
    static final Set<String> ARCHIVED = Set.of(
            // organisation, people, central group
            "org_unit",
            "org_person",
            "org_membership",
            // attachments (only the files the archived records refer to)
            "common_stored_file",
            // plan
            "plan_annual_plan",
            "plan_theme",
            "plan_arrangement",
            "plan_arrangement_session",
            "plan_decision",
            // sessions
            "session_study_session",
            "session_agenda_item",
            "session_attendance",
            "session_learning_mode",
            "session_attachment",
            "session_speech",
            "session_leave_request",
            "session_correction",
            "session_brief",
            "session_study_test",
            "session_study_test_participant",
            // first topic
            "firsttopic_item",
            "firsttopic_study",
            "firsttopic_deployment",
            "firsttopic_task",
            "firsttopic_inspection",
            // self-study
            "selfstudy_entry",
            "selfstudy_writing",
            "selfstudy_online_learning",
            "selfstudy_book",
            "selfstudy_note",
            // materials
            "material_issue",
            "material_issue_file",
            "material_document",
            // supervision
            "supervision_criteria_set",
            "supervision_criterion",
            "supervision_visit",
            "supervision_visit_observer",
            "supervision_visit_file",
            "supervision_rating",
            "supervision_rectification",
            // research
            "research_topic",
            "research_discussion",
            "research_recommendation",
            "research_investigation",
            "research_investigation_member",
            "research_trip",
            "research_trip_participant",
            "research_report",
            "research_report_author",
            "research_selection",
            "research_criterion",
            "research_judge",
            "research_result",
            "research_score_sheet",
            "research_score",
            // outreach
            "outreach_youth_group",
            "outreach_youth_group_member",
            "outreach_branch",
            "outreach_joint_link",
            "outreach_joint_youth_group",
            "outreach_joint_branch",
            "outreach_publicity_item",
            "outreach_exchange_meeting",
            // rules
            "rules_setting",
            "rules_evaluation",
            "rules_finding",
            "rules_evidence",
            // annual report
            "report_annual_report",
            "report_block",
            "report_snapshot_figure",
            "report_decision",
            "report_proposal",
            "report_proposal_evidence",
            "report_template",
            "report_letterhead",
            // between levels
            "liaison_notice",
            "liaison_notice_material",
            "liaison_notice_receipt",
            "liaison_notice_receipt_session",
            "liaison_submission",
            "liaison_submission_figure",
            "assessment",
            "assessment_criterion",
            "assessment_adjustment",
            "assessment_objection",
            "assessment_commendation",
            "assessment_result_item");

    /** Tables a year archive never carries, and why (an import refuses an archive that holds one). */
    static final Map<String, String> LEFT_OUT = Map.ofEntries(
            Map.entry(ACCOUNT, "账号及其口令、锁定计数：导入后由管理员重新创建"),
            Map.entry(ROLE_GRANT, "角色授权：导入后由安全管理员重新授予"),
            Map.entry("common_audit_event", "审计日志属于本系统安装，不随某一组织的档案迁移"),
            Map.entry("flyway_schema_history", "数据库迁移记录属于本系统安装"),
            Map.entry("spring_session", "登录会话"),
            Map.entry("spring_session_attributes", "登录会话"),
            Map.entry("shedlock", "定时任务锁"),
            Map.entry("event_publication", "模块间事件的投递记录（事件发布登记表），属于本系统安装的运行状态"),
            Map.entry("tracking_calendar_day", "全系统共用的工作日历（节假日设置），不属于某一组织"),
            Map.entry("selfstudy_person_year_total", "由个人自学记录派生的每人每年学时合计，导入后按导入的自学记录重新计算"),
            Map.entry("liaison_installation_key", "本系统安装的签名密钥（含私钥），属于本安装，绝不随档案导出"),
            Map.entry("liaison_trusted_peer", "受信任的外部安装公钥属于本安装的配置：迁移后由学习秘书与对方重新核对指纹后添加"));

    /** Columns of archived tables that hold secrets: never written to an archive, refused in one. */
    static final Map<String, Set<String>> SECRET_COLUMNS =
            Map.of("session_study_session", Set.of("checkin_secret")); // the key of the QR / 6-character check-in codes

    /** A column whose name says it holds a credential is treated as secret even if nobody listed it. */
    static final Pattern CREDENTIAL =
            Pattern.compile(".*(password|passwd|secret|token|salt|otp|nonce|credential|hash).*");

    /**
     * Tables that records refer to for a name or a file (a presider, an attachment): a foreign key to them never
     * puts a row into the scope; the row they hold is carried when an archived record refers to it.
     */
    static final Set<String> REFERENCE_TABLES = Set.of("org_person", "common_stored_file");

    private ArchiveCatalogue() {}

    static boolean secret(String table, String column) {
        return SECRET_COLUMNS.getOrDefault(table, Set.of()).contains(column)
                || CREDENTIAL.matcher(column).matches();
    }
}
