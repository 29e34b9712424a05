package cn.studyledger.selfstudy;

import cn.studyledger.PostgresIntegrationTest;

/** 原著研读 again on a real PostgreSQL: the title search (escaped wildcards), the figure's grouped tally and the rule. */
@PostgresIntegrationTest
class BooksOnPostgresTests extends BookTests {}
