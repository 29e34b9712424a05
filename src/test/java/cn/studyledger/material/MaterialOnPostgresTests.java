package cn.studyledger.material;

import cn.studyledger.PostgresIntegrationTest;

/** Material issues again on a real PostgreSQL: numbering per year, file links and the published count. */
@PostgresIntegrationTest
class MaterialOnPostgresTests extends MaterialTests {}
