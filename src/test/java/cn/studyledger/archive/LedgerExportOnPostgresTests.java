package cn.studyledger.archive;

import cn.studyledger.PostgresIntegrationTest;

/** The ledgers again, with their streaming queries on a real PostgreSQL. */
@PostgresIntegrationTest
class LedgerExportOnPostgresTests extends LedgerExportTests {}
