package cn.studyledger.selfstudy;

import cn.studyledger.PostgresIntegrationTest;

/** Online learning again on a real PostgreSQL: the import's duplicate checks and the figure's sum. */
@PostgresIntegrationTest
class OnlineLearningOnPostgresTests extends OnlineLearningTests {}
