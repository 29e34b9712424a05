package cn.studyledger.rules.domain;

import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.jdbc.Chunks;
import cn.studyledger.liaison.SubmissionDeadlines;
import cn.studyledger.liaison.SubmissionKind;
import cn.studyledger.selfstudy.DailyHoursLimit;
import cn.studyledger.selfstudy.StudyNoteLimits;
import cn.studyledger.session.MakeUpPeriod;
import cn.studyledger.session.SpeechKind;
import cn.studyledger.session.SpeechOutlines;
import cn.studyledger.session.StudyDayHours;
import cn.studyledger.supervision.VisitPeriods;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The settings of the year's rule table that other modules apply when they save a record (the rules read those
 * modules, so they ask through their own interfaces): the 个人自学每日学时 for self-study ({@link DailyHoursLimit}), the
 * 补学期限 of 请假与补学 for sessions ({@link MakeUpPeriod}), the hours of 集中学习天数折算 for the session figures
 * ({@link StudyDayHours}), which speeches need an outline under 发言提纲 ({@link SpeechOutlines}), the working-day periods of 旁听小结时限 for supervision
 * visits ({@link VisitPeriods}), the 报送时限 of the units' filings ({@link SubmissionDeadlines}), the size and types of
 * 学习笔记 files ({@link StudyNoteLimits}). Read without creating the year's rule table: a table not
 * yet made holds the defaults, so they apply.
 */
@Component
class RulesAppliedOnSave
        implements DailyHoursLimit,
                MakeUpPeriod,
                SpeechOutlines,
                StudyDayHours,
                VisitPeriods,
                SubmissionDeadlines,
                StudyNoteLimits {

    private final RuleSettingRepository settings;

    RulesAppliedOnSave(RuleSettingRepository settings) {
        this.settings = settings;
    }

    /** A rule switched off asks an outline of no speech; 2 asks one of every speech, otherwise only of 重点发言. */
    @Override
    public boolean required(long orgId, int year, SpeechKind kind) {
        RuleDefinition rule = RuleDefinition.SPEECH_OUTLINE;
        Optional<RuleSetting> setting = setting(orgId, year, rule);
        if (setting.isPresent() && !setting.get().enabled()) {
            return false;
        }
        boolean every = param(setting.map(RuleSetting::param1), rule, 0) >= 2;
        return every || kind == SpeechKind.KEY;
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

    /**
     * The 学习笔记附件 size and image limits and the 学习笔记文件类型; a rule switched off allows the most its thresholds
     * may be (20 MB, 20000 pixels, every type).
     */
    @Override
    public Limits noteLimits(long orgId, int year) {
        RuleDefinition files = RuleDefinition.NOTE_FILES;
        RuleDefinition types = RuleDefinition.NOTE_TYPES;
        Optional<RuleSetting> fileSetting = setting(orgId, year, files);
        Optional<RuleSetting> typeSetting = setting(orgId, year, types);
        boolean filesOn = fileSetting.map(RuleSetting::enabled).orElse(true);
        boolean typesOn = typeSetting.map(RuleSetting::enabled).orElse(true);
        BigDecimal megabytes = filesOn
                ? fileSetting.map(RuleSetting::param1).orElseGet(() -> files.defaultParam(0))
                : files.params().get(0).max();
        int side = filesOn
                ? param(fileSetting.map(RuleSetting::param2), files, 1)
                : files.params().get(1).max().intValue();
        int range = typesOn
                ? param(typeSetting.map(RuleSetting::param1), types, 0)
                : types.params().get(0).max().intValue();
        List<FileKind> allowed = switch (range) {
            case 1 -> List.of(FileKind.JPEG, FileKind.PNG);
            case 2 -> List.of(FileKind.JPEG, FileKind.PNG, FileKind.PDF);
            default -> List.of(FileKind.JPEG, FileKind.PNG, FileKind.PDF, FileKind.DOCX);
        };
        String source = fileSetting.map(RuleSetting::source).orElseGet(files::defaultSource);
        return new Limits(megabytes.multiply(BigDecimal.valueOf(1024L * 1024L)).longValue(), side, allowed, source);
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

    /**
     * A rule switched off still gives its dates, so every filing has a due date; a day past the month's end is its
     * last day (31 → 30 June).
     */
    @Override
    public LocalDate due(long superiorOrgId, int year, SubmissionKind kind) {
        boolean plan = kind == SubmissionKind.ANNUAL_PLAN || kind == SubmissionKind.MEMBER_LIST;
        RuleDefinition rule = plan ? RuleDefinition.PLAN_FILING_DUE : RuleDefinition.REPORT_FILING_DUE;
        Optional<RuleSetting> setting = setting(superiorOrgId, year, rule);
        int first = param(setting.map(RuleSetting::param1), rule, 0);
        int second = param(setting.map(RuleSetting::param2), rule, 1);
        java.time.YearMonth month = switch (kind) {
            case ANNUAL_PLAN, MEMBER_LIST -> java.time.YearMonth.of(year, first);
            case HALF_YEAR_REPORT -> java.time.YearMonth.of(year, 7);
            case ANNUAL_REPORT -> java.time.YearMonth.of(year + 1, 1);
        };
        int day = switch (kind) {
            case ANNUAL_PLAN, MEMBER_LIST -> second;
            case HALF_YEAR_REPORT -> first;
            case ANNUAL_REPORT -> second;
        };
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }

    /** A rule switched off still gives its hours: the figure sessions.days always counts some way. */
    @Override
    public Thresholds thresholds(long orgId, int year) {
        return dayHours(setting(orgId, year, RuleDefinition.SESSION_DAY_HOURS));
    }

    /** Read in chunks of organisations, a statement each, for a province's roll-up. */
    @Override
    public Map<Long, Thresholds> thresholds(List<Long> orgIds, int year) {
        Map<Long, RuleSetting> byOrg = new HashMap<>();
        for (List<Long> chunk : Chunks.of(orgIds)) {
            settings.findByYearAndKeyAndOrgIdIn(year, RuleDefinition.SESSION_DAY_HOURS.key(), chunk)
                    .forEach(s -> byOrg.put(s.orgId(), s));
        }
        Map<Long, Thresholds> all = new LinkedHashMap<>();
        orgIds.forEach(id -> all.put(id, dayHours(Optional.ofNullable(byOrg.get(id)))));
        return all;
    }

    private static Thresholds dayHours(Optional<RuleSetting> setting) {
        RuleDefinition rule = RuleDefinition.SESSION_DAY_HOURS;
        return new Thresholds(
                setting.map(RuleSetting::param1).orElseGet(() -> rule.defaultParam(0)),
                setting.map(RuleSetting::param2).orElseGet(() -> rule.defaultParam(1)));
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
