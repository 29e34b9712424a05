package cn.studyledger.session;

import cn.studyledger.PostgresIntegrationTest;

/** 学习测试 and their figures again, on a real PostgreSQL. */
@PostgresIntegrationTest
class StudyTestsOnPostgresTests extends StudyTestsTests {}
