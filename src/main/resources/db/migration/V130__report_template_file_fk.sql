-- A report template's .docx is a stored file like every other attachment: with the foreign key the year archive
-- carries it (the archive follows foreign keys to the files its records refer to) and restores it.
alter table report_template add constraint report_template_file_fk foreign key (file_id) references common_stored_file (id);
