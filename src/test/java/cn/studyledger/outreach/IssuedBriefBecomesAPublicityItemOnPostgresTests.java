package cn.studyledger.outreach;

import cn.studyledger.PostgresIntegrationTest;

/** Filing an issued brief as a publicity item again on a real PostgreSQL: the unique brief column, the file. */
@PostgresIntegrationTest
class IssuedBriefBecomesAPublicityItemOnPostgresTests extends IssuedBriefBecomesAPublicityItemTests {}
