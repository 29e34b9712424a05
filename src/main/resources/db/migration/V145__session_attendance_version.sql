-- Attendance rows are written on their own (a member's check-in, a leave granted, a make-up), without bumping the
-- session's version, so each row carries its own optimistic-lock version: two writers of one row conflict (409),
-- writers of different rows of the same session never do.
alter table session_attendance add column version bigint default 0 not null;
