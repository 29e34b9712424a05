package cn.studyledger.selfstudy;

import cn.studyledger.PostgresIntegrationTest;

/** The per-person yearly totals again on a real PostgreSQL, where the upsert is {@code insert ... on conflict}. */
@PostgresIntegrationTest
class SelfStudyTotalsOnPostgresTests extends SelfStudyTotalsTests {}
