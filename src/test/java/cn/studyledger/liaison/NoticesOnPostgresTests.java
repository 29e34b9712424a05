package cn.studyledger.liaison;

import cn.studyledger.PostgresIntegrationTest;

/** 学习提示 again on a real PostgreSQL: the search, the receipts' session links and the coverage figure's query. */
@PostgresIntegrationTest
class NoticesOnPostgresTests extends NoticesTests {}
