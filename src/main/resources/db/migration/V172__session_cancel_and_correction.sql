-- A planned session may be cancelled with its reason (kept, never counted); a held one is corrected with the
-- reason recorded, one row per correction.
alter table session_study_session add column cancel_reason varchar(500);
alter table session_study_session add column cancelled_by varchar(100);
alter table session_study_session add column cancelled_at timestamp;

create table session_correction (
    session_id   bigint       not null references session_study_session (id),
    corrected_at timestamp    not null,
    corrected_by varchar(100) not null,
    reason       varchar(500) not null
);
create index session_correction_session on session_correction (session_id);
