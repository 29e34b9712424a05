-- An agenda item may study a record of the module offering its kind (AgendaSource): a first-topic item for a
-- FIRST_TOPIC item, a research topic for a RESEARCH_TOPIC one. Its id only: the record lives in that module, which
-- links itself to the session when the agenda names it (AgendaChanged). Null for an item entered as text only.
alter table session_agenda_item add column source_id bigint;
