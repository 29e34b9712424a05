package cn.studyledger.report;

/** The 组长 finalised a revision of an organisation's annual report (定稿): its figures are frozen with it. */
public record ReportFinalised(long reportId, long orgId, int year, int revision) {}
