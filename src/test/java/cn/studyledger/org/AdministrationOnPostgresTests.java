package cn.studyledger.org;

import cn.studyledger.PostgresIntegrationTest;

/** Administration again on a real PostgreSQL: the account search has an optional parameter. */
@PostgresIntegrationTest
class AdministrationOnPostgresTests extends AdministrationTests {}
