package cn.studyledger.plan;

import cn.studyledger.PostgresIntegrationTest;

/** The plan workflow again, on a real PostgreSQL. */
@PostgresIntegrationTest
class PlanWorkflowOnPostgresTests extends PlanWorkflowTests {}
