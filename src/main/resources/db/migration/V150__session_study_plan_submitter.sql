-- 不自批 (issue 12, part 6): the account that submitted a session's 学习方案 may not decide it.
alter table session_study_session add column study_plan_submitted_by varchar(64);
