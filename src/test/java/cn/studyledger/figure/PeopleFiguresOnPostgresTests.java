package cn.studyledger.figure;

import cn.studyledger.PostgresIntegrationTest;

/** The per-person figures on a real PostgreSQL (embedded). */
@PostgresIntegrationTest
class PeopleFiguresOnPostgresTests extends PeopleFiguresContractTests {}
