package cn.studyledger.liaison;

import cn.studyledger.PostgresIntegrationTest;

/** Signed files between installations again on a real PostgreSQL. */
@PostgresIntegrationTest
class SignedFilesOnPostgresTests extends SignedFilesTests {}
