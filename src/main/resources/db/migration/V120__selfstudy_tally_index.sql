-- The roll-up adds up the members' self-study hours of thousands of groups at once (SelfStudyFigures.tally):
-- with person and hours in the index, PostgreSQL answers from the index alone.
create index selfstudy_entry_tally on selfstudy_entry (org_id, study_date, person_id, hours);
