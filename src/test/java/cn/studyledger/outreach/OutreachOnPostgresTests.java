package cn.studyledger.outreach;

import cn.studyledger.PostgresIntegrationTest;

/** Outreach again on a real PostgreSQL: the publicity search, the link table, the figures' queries. */
@PostgresIntegrationTest
class OutreachOnPostgresTests extends OutreachTests {}
