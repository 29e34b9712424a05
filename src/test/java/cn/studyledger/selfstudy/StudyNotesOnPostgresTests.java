package cn.studyledger.selfstudy;

import cn.studyledger.PostgresIntegrationTest;

/** 学习笔记 again on a real PostgreSQL: the limits from the rule table, the refusals and the figure's grouped tally. */
@PostgresIntegrationTest
class StudyNotesOnPostgresTests extends StudyNoteTests {}
