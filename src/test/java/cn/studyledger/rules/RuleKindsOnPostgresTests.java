package cn.studyledger.rules;

import cn.studyledger.PostgresIntegrationTest;

/** The kinds that count for 成员发言 and 学习成果, again on a real PostgreSQL. */
@PostgresIntegrationTest
class RuleKindsOnPostgresTests extends RuleKindsTests {}
