package cn.studyledger.rules.domain;

import cn.studyledger.selfstudy.DailyHoursLimit;
import cn.studyledger.session.MakeUpPeriod;
import cn.studyledger.supervision.VisitPeriods;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The settings of the year's rule table that other modules apply when they save a record (the rules read those
 * modules, so they ask through their own interfaces): the 个人自学每日学时 for self-study ({@link DailyHoursLimit}), the
 * 补学期限 of 请假与补学 for sessions ({@link MakeUpPeriod}), the working-day periods of 旁听小结时限 for supervision
 * visits ({@link VisitPeriods}). Read without creating the year's rule table: a table not
 * yet made holds the defaults, so they apply.
 */
@Component
class RulesAppliedOnSave implements DailyHoursLimit, MakeUpPeriod, VisitPeriods {

    private final RuleSettingRepository settings;

    RulesAppliedOnSave(RuleSettingRepository settings) {
        this.settings = settings;
    }

    /** A rule switched off leaves the day's 24 hours, the rule's upper bound. */
    @Override
    public Limit of(long orgId, int year) {
        RuleDefinition rule = RuleDefinition.SELFSTUDY_DAILY_HOURS;
        return setting(orgId, year, rule)
                .map(s -> new Limit(
                        s.enabled() ? s.param1() : rule.params().get(0).max(), s.source()))
                .orElseGet(() -> new Limit(rule.defaultParam(0), rule.defaultSource()));
    }

    /** A rule switched off still gives its days, so a leave always has a due date. */
    @Override
    public int days(long orgId, int year) {
        RuleDefinition rule = RuleDefinition.LEAVE_MAKE_UP;
        return setting(orgId, year, rule)
                .map(RuleSetting::param1)
                .orElseGet(() -> rule.defaultParam(0))
                .intValue();
    }

    /** A rule switched off still gives its periods, so every stage has a due date. */
    @Override
    public Periods periods(long superiorOrgId, int year) {
        RuleDefinition rule = RuleDefinition.VISIT_SUMMARY_IN_TIME;
        Optional<RuleSetting> setting = setting(superiorOrgId, year, rule);
        return new Periods(
                param(setting.map(RuleSetting::param2), rule, 1), param(setting.map(RuleSetting::param1), rule, 0));
    }

    /** A setting's threshold, or the rule's default where the table holds none (a table from before it had one). */
    private static int param(Optional<BigDecimal> value, RuleDefinition rule, int index) {
        return value.orElseGet(() -> rule.defaultParam(index)).intValue();
    }

    private Optional<RuleSetting> setting(long orgId, int year, RuleDefinition rule) {
        return settings.findByOrgIdAndYearAndKey(orgId, year, rule.key());
    }
}
