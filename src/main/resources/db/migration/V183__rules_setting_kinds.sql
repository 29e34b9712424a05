-- Which kinds count for the per-member rules, as the year's setting instead of code: 成员发言 (speech.perMember)
-- counts the speech kinds listed, 学习成果 (writings.perMember) the writing kinds listed (comma-separated codes of
-- SpeechKind / WritingKind). Existing tables keep what the rules counted until now: 重点发言 only; 心得体会 and
-- 调研报告 (本单位中心组学习实施办法). Other rules have no kinds.
alter table rules_setting add column kinds varchar(200);

update rules_setting set kinds = 'KEY' where rule_key = 'speech.perMember';
update rules_setting set kinds = 'EXPERIENCE,RESEARCH_REPORT' where rule_key = 'writings.perMember';
