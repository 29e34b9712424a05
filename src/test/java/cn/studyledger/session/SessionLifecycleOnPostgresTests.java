package cn.studyledger.session;

import cn.studyledger.PostgresIntegrationTest;

/** The session lifecycle again, on a real PostgreSQL. */
@PostgresIntegrationTest
class SessionLifecycleOnPostgresTests extends SessionLifecycleTests {}
