package cn.studyledger.figure;

import cn.studyledger.IntegrationTest;

/** The figures contract on the in-memory H2 database (PostgreSQL mode). */
@IntegrationTest
class FiguresOnH2Tests extends FiguresContractTests {

    @Override
    String expectedDatabase() {
        return "H2";
    }
}
