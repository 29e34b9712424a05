package cn.studyledger.security;

import cn.studyledger.PostgresIntegrationTest;

/** The SQL-injection probes again, on a real PostgreSQL: its parser, its LIKE and its error texts. */
@PostgresIntegrationTest
class SqlInjectionProbesOnPostgresTests extends SqlInjectionProbeTests {}
