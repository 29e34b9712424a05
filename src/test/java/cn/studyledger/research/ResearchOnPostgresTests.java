package cn.studyledger.research;

import cn.studyledger.PostgresIntegrationTest;

/** Research topics and recommendations again, on a real PostgreSQL. */
@PostgresIntegrationTest
class ResearchOnPostgresTests extends ResearchTests {}
