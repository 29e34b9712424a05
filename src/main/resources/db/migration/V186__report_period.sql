-- The half-year report (上半年学习情况报告): a report covers the whole year (YEAR, every report so far) or its first
-- half (H1), each with its own revisions, draft → final and figure snapshot.
alter table report_annual_report add column report_period varchar(8) default 'YEAR' not null;
alter table report_annual_report drop constraint report_annual_report_revision;
alter table report_annual_report
    add constraint report_annual_report_revision unique (org_id, report_year, report_period, revision);

-- The half-year report has its own 发文字号 and 签发人.
alter table report_letterhead add column report_period varchar(8) default 'YEAR' not null;
alter table report_letterhead drop constraint report_letterhead_org_year;
alter table report_letterhead add constraint report_letterhead_org_year unique (org_id, report_year, report_period);
