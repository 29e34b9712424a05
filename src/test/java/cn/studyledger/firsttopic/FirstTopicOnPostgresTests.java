package cn.studyledger.firsttopic;

import cn.studyledger.PostgresIntegrationTest;

/** The first topic again, on a real PostgreSQL. */
@PostgresIntegrationTest
class FirstTopicOnPostgresTests extends FirstTopicTests {}
