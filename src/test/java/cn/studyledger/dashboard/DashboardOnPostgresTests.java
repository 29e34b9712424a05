package cn.studyledger.dashboard;

import cn.studyledger.PostgresIntegrationTest;

/** The dashboard again on a real PostgreSQL: its charts run the other modules' queries for the year. */
@PostgresIntegrationTest
class DashboardOnPostgresTests extends DashboardTests {}
