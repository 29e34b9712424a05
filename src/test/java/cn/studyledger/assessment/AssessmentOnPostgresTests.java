package cn.studyledger.assessment;

import cn.studyledger.PostgresIntegrationTest;

/** 年度考核 again on a real PostgreSQL. */
@PostgresIntegrationTest
class AssessmentOnPostgresTests extends AssessmentTests {}
