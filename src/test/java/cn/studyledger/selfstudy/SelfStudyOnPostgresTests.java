package cn.studyledger.selfstudy;

import cn.studyledger.PostgresIntegrationTest;

/** Self-study again on a real PostgreSQL: the list filters by year, person set and optional person. */
@PostgresIntegrationTest
class SelfStudyOnPostgresTests extends SelfStudyTests {}
