-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.1, written for both H2 and
-- PostgreSQL): each event handed to an after-commit listener is stored in the transaction that publishes it and marked
-- completed when its listener has run; incomplete ones are resubmitted by EventResubmission. Left out of the year
-- archive (archive DataModel.LEFT_OUT): it is delivery bookkeeping, not a record of the study year.
create table event_publication (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar(4000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_listener_idx on event_publication (listener_id);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
