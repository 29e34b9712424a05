package cn.studyledger.org;

import cn.studyledger.PostgresIntegrationTest;

/** People again on a real PostgreSQL: the search has optional parameters whose binding differs by database. */
@PostgresIntegrationTest
class PeopleOnPostgresTests extends PeopleTests {}
