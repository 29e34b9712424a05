-- 学习讲评 by whom, as a person (issue 15, part 4: each member's 讲评 count): the evaluator's name alone
-- (evaluated_by, kept for the record) cannot tell two people of the same name apart.
alter table session_study_session add column evaluated_by_person_id bigint;
alter table session_study_session add constraint session_evaluated_by_person_fk
    foreign key (evaluated_by_person_id) references org_person (id);
-- earlier 讲评 named their author only: the one person of that name in the session's organisation, if exactly one
update session_study_session
   set evaluated_by_person_id = (select min(p.id) from org_person p
                                  where p.org_id = session_study_session.org_id
                                    and p.name = session_study_session.evaluated_by)
 where evaluated_by is not null
   and (select count(*) from org_person p
         where p.org_id = session_study_session.org_id and p.name = session_study_session.evaluated_by) = 1;
