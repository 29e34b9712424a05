-- 旁听小结时限 gains its two working-day periods as thresholds (小结时限 10, 材料提前 5 by default), which the visits
-- read from the rule table instead of constants: the tables made before keep the defaults they were made with.
update rules_setting set param1 = 10, param2 = 5 where rule_key = 'supervision.summary' and param1 is null;
