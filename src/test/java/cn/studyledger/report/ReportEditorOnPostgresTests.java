package cn.studyledger.report;

import cn.studyledger.PostgresIntegrationTest;

/** The report editor again on a real PostgreSQL (embedded): its queries, locking and snapshot. */
@PostgresIntegrationTest
class ReportEditorOnPostgresTests extends ReportEditorTests {}
