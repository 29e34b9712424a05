-- A session is numbered in its organisation's year when it is marked held (第N次 overall, and 第N次 of its format),
-- never renumbered afterwards (StudySession#markHeld). The year is stored with the number so that one unique key per
-- numbering refuses a second session given the same number at the same moment (a lost race: 409). Held sessions
-- recorded before this column get their numbers in the order they happened: by date, then by id.
-- A session may also be a 扩大学习 (non-members attending), counted by the figure sessions.enlarged.
alter table session_study_session add column ordinal_year integer;
alter table session_study_session add column ordinal integer;
alter table session_study_session add column format_ordinal integer;
alter table session_study_session add column enlarged boolean default false not null;

update session_study_session set ordinal_year = extract(year from session_date) where status = 'HELD';

update session_study_session s
   set ordinal = (select count(*) from session_study_session e
                   where e.org_id = s.org_id and e.status = 'HELD' and e.ordinal_year = s.ordinal_year
                     and (e.session_date < s.session_date or (e.session_date = s.session_date and e.id <= s.id))),
       format_ordinal = (select count(*) from session_study_session e
                          where e.org_id = s.org_id and e.status = 'HELD' and e.ordinal_year = s.ordinal_year
                            and e.format = s.format
                            and (e.session_date < s.session_date or (e.session_date = s.session_date and e.id <= s.id)))
 where s.status = 'HELD';

alter table session_study_session add constraint session_ordinal_unique unique (org_id, ordinal_year, ordinal);
alter table session_study_session
    add constraint session_format_ordinal_unique unique (org_id, ordinal_year, format, format_ordinal);
