package cn.studyledger.selfstudy;

import cn.studyledger.PostgresIntegrationTest;

/** Writings again on a real PostgreSQL: the kind and member filters of the list and of the figure. */
@PostgresIntegrationTest
class WritingsOnPostgresTests extends WritingTests {}
