-- A publicity item filed from a session's issued 学习简报 names the session, once: a second filing of the same brief is
-- refused (409, two clerks at the same moment meet at the unique key). No foreign key to the session table, as for the
-- 联学共建 links: the session module knows nothing of outreach.
alter table outreach_publicity_item add column brief_session_id bigint;
alter table outreach_publicity_item add constraint outreach_publicity_brief_unique unique (brief_session_id);
