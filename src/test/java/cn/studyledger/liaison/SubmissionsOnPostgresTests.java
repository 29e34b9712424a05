package cn.studyledger.liaison;

import cn.studyledger.PostgresIntegrationTest;

/** 报送 again on a real PostgreSQL. */
@PostgresIntegrationTest
class SubmissionsOnPostgresTests extends SubmissionsTests {}
