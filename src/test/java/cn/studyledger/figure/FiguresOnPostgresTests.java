package cn.studyledger.figure;

import cn.studyledger.PostgresIntegrationTest;

/** The figures contract on a real PostgreSQL (embedded, one server per JVM, one database per context). */
@PostgresIntegrationTest
class FiguresOnPostgresTests extends FiguresContractTests {

    @Override
    String expectedDatabase() {
        return "PostgreSQL";
    }
}
