-- The names an organisation's documents are issued under: the short one (X局生态环境监测中心党委) in titles and text,
-- the full one (中共X局生态环境监测中心委员会) in signatures. Null follows the name and kind (OrgType), so every
-- organisation of today keeps names derived from its data until its clerk sets them.
alter table org_unit add column issuer_name varchar(100);
alter table org_unit add column issuer_full_name varchar(100);

-- Reports drafted before wrote the signature as 中共 + the short name (中共X局生态环境监测中心党委党委 for a unit);
-- a final revision keeps its frozen wording.
update report_block set heading = '{{org.issuerFull}}'
 where kind = 'SIGNATURE' and heading = '中共{{org.issuer}}'
   and report_id in (select id from report_annual_report where status <> 'FINAL');
