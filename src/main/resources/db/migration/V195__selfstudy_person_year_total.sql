-- Each person's self-study of a year in an organisation, summed: what selfstudy.hours adds up per member (the
-- entries of the organisation dated within the year; online learning is a figure of its own and not in it). Kept by
-- the self-study module in the transaction of every entry written, edited or deleted (SelfStudyTotals), rebuilt
-- from the entries after rows were written around it (archive restore, scale data). Derived: never archived.
-- The roll-up reads it instead of the 2.5 million entries of a province.
create table selfstudy_person_year_total (
    org_id     bigint         not null,
    person_id  bigint         not null,
    study_year int            not null,
    hours      numeric(12, 1) not null,
    entries    int            not null,
    primary key (org_id, person_id, study_year)
);

insert into selfstudy_person_year_total (org_id, person_id, study_year, hours, entries)
select org_id, person_id, cast(extract(year from study_date) as int), sum(hours), count(*)
  from selfstudy_entry
 group by org_id, person_id, cast(extract(year from study_date) as int);
