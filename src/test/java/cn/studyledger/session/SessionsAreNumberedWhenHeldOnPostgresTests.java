package cn.studyledger.session;

import cn.studyledger.PostgresIntegrationTest;

/** Numbering of held sessions again, on a real PostgreSQL (the migration's backfill and the unique keys). */
@PostgresIntegrationTest
class SessionsAreNumberedWhenHeldOnPostgresTests extends SessionsAreNumberedWhenHeldTests {}
