package cn.studyledger.security;

import cn.studyledger.PostgresIntegrationTest;

/** The access rules again, on a real PostgreSQL: scope checks run through queries that differ by database. */
@PostgresIntegrationTest
class AccessRulesOnPostgresTests extends AccessRulesTests {}
