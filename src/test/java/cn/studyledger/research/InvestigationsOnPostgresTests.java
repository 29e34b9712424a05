package cn.studyledger.research;

import cn.studyledger.PostgresIntegrationTest;

/** Investigations, the selection and the fieldwork figure again, on a real PostgreSQL. */
@PostgresIntegrationTest
class InvestigationsOnPostgresTests extends InvestigationTests {}
