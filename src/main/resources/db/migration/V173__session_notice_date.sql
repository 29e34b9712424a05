-- The 会议通知 carries the day it was issued, stored once: the day the session was planned, never after the session
-- itself (SessionNotices), so a notice printed again later reads as it did. Sessions entered before this column get
-- the day they were entered, or their own date if that came first.
alter table session_study_session add column notice_date date;
update session_study_session
   set notice_date = case when cast(created_at as date) < session_date then cast(created_at as date) else session_date end;
