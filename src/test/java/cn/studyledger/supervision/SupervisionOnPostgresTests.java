package cn.studyledger.supervision;

import cn.studyledger.PostgresIntegrationTest;

/** Supervision and the overdue list again, on a real PostgreSQL. */
@PostgresIntegrationTest
class SupervisionOnPostgresTests extends SupervisionTests {}
