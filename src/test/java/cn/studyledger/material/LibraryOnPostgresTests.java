package cn.studyledger.material;

import cn.studyledger.PostgresIntegrationTest;

/** The library search again on a real PostgreSQL: escaped LIKE patterns, tag matching, paging. */
@PostgresIntegrationTest
class LibraryOnPostgresTests extends LibraryTests {}
