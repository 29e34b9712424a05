package cn.studyledger.rules;

import cn.studyledger.PostgresIntegrationTest;

/** The rules, their evaluation and the stored findings again, on a real PostgreSQL. */
@PostgresIntegrationTest
class RulesOnPostgresTests extends RulesTests {}
