-- A notice or a filing imported from a signed file of another installation: the signer's fingerprint and the
-- SHA-256 of the signed manifest, so the same file is never imported twice.
alter table liaison_notice add column origin_fingerprint varchar(64);
alter table liaison_notice add column origin_sha256 varchar(64);
alter table liaison_notice add constraint liaison_notice_origin_unique unique (origin_sha256);

alter table liaison_submission add column origin_fingerprint varchar(64);
alter table liaison_submission add column origin_sha256 varchar(64);
alter table liaison_submission add constraint liaison_submission_origin_unique unique (origin_sha256);
