package cn.studyledger.figure;

import cn.studyledger.IntegrationTest;

/** The per-person figures on the in-memory H2 database (PostgreSQL mode). */
@IntegrationTest
class PeopleFiguresOnH2Tests extends PeopleFiguresContractTests {}
