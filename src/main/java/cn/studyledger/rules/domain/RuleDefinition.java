package cn.studyledger.rules.domain;

import cn.studyledger.selfstudy.WritingKind;
import cn.studyledger.session.SpeechKind;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules of DESIGN.md §4 with their defaults: the stable key, the name, the rule text with slots for its
 * thresholds, the thresholds' meaning, bounds and defaults, and the default source. An organisation's table of a
 * year starts from these and is edited from there ({@link RuleSetting}).
 */
public enum RuleDefinition {
    SESSION_COUNT(
            "sessions.count",
            "集中学习次数",
            "全年集中学习不少于{0}次，每季度不少于{1}次",
            Sources.RULES_AND_LOCAL,
            new Param("全年不少于", "次", 12, 1, 100),
            new Param("每季度不少于", "次", 1, 0, 30)),
    SESSION_LENGTH(
            "sessions.length", "集中学习时长", "每次集中学习时间不少于{0}小时", Sources.LOCAL, new Param("每次不少于", "小时", 3, 0.5, 24)),
    SESSION_DAYS("sessions.days", "集中学习天数", "全年集中学习不少于{0}天", Sources.LOCAL, new Param("全年不少于", "天", 12, 0.5, 100)),
    /** How the figure sessions.days counts a held session: a counting convention the records cannot break. */
    SESSION_DAY_HOURS(
            "sessions.dayHours",
            "集中学习天数折算",
            "单次集中学习满{0}小时计半天、满{1}小时计一天",
            Sources.LOCAL,
            new Param("计半天不少于", "小时", 3, 0.5, 24),
            new Param("计一天不少于", "小时", 6, 0.5, 24)),
    PRESENT_RATE(
            "attendance.presentRate",
            "出勤率",
            "中心组成员集中学习出勤率不低于{0}%",
            Sources.LOCAL,
            new Param("出勤率不低于", "%", 90, 1, 100)),
    LEAVE_MAKE_UP(
            "attendance.makeUp",
            "请假与补学",
            "请假须经组长批准，并在{0}天内完成补学",
            Sources.RULES_AND_LOCAL,
            new Param("补学期限", "天", 30, 1, 365)),
    FIRST_TOPIC_PER_SESSION(
            "firsttopic.perSession",
            "“第一议题”学习",
            "每次集中学习安排不少于{0}项“第一议题”学习内容",
            Sources.FIRST_TOPIC,
            new Param("每次不少于", "项", 1, 1, 10)),
    FIRST_TOPIC_TIMELINESS(
            "firsttopic.timeliness",
            "“第一议题”学习时效",
            "“第一议题”学习内容在发布后{0}天内组织学习",
            Sources.FIRST_TOPIC,
            new Param("发布后", "天", 30, 1, 365)),
    KEY_SPEECHES_PER_SESSION(
            "speech.perSession",
            "重点发言安排",
            "每次集中学习安排{0}至{1}名成员重点发言，重点发言须有书面提纲",
            Sources.RULES_AND_LOCAL,
            new Param("每次不少于", "人", 2, 0, 20),
            new Param("每次不多于", "人", 3, 1, 20)),
    /** Which speeches need a written outline: 1 = only 重点发言 (the default), 2 = every speech (交流发言、点评 too). */
    SPEECH_OUTLINE(
            "speech.outline",
            "发言提纲",
            "须有书面发言提纲的发言：第{0}种（1为仅重点发言，2为全部发言）",
            Sources.LOCAL,
            new Param("提纲范围（1仅重点发言，2全部发言）", "种", 1, 1, 2)),
    /** Which speeches count is the year's setting ({@link #kinds()}); by default only 重点发言. */
    KEY_SPEECHES_PER_MEMBER(
            "speech.perMember", "成员发言", "每名成员全年{k}不少于{0}次", Sources.LOCAL, new Param("全年不少于", "次", 1, 1, 20)),
    /** Which writings count is the year's setting ({@link #kinds()}); by default 心得体会 and 调研报告. */
    WRITINGS_PER_MEMBER(
            "writings.perMember", "学习成果", "每名成员全年撰写{k}不少于{0}篇", Sources.LOCAL, new Param("全年不少于", "篇", 1, 1, 20)),
    BOOKS_PER_MEMBER(
            "books.perMember", "原著研读", "每名成员全年研读原著不少于{0}本", Sources.STUDY_SYSTEM, new Param("全年不少于", "本", 2, 1, 20)),
    /** The limits of a study note's file: applied when it is uploaded, so the records cannot break it. */
    NOTE_FILES(
            "notes.files",
            "学习笔记附件",
            "学习笔记每个文件不超过{0}MB，图片长、宽各不超过{1}像素",
            Sources.LOCAL,
            new Param("单个文件不超过", "MB", 10, 1, 20),
            new Param("图片长、宽不超过", "像素", 8000, 100, 20000)),
    /** Which files a study note may be: 1 = images (jpg, png), 2 = images and pdf, 3 = images, pdf and docx. */
    NOTE_TYPES(
            "notes.types",
            "学习笔记文件类型",
            "学习笔记可上传的文件类型：第{0}种（1为jpg、png图片，2为图片和pdf，3为图片、pdf和docx）",
            Sources.LOCAL,
            new Param("类型范围（1图片，2图片和pdf，3图片、pdf和docx）", "种", 3, 1, 3)),
    SELFSTUDY_DAILY_HOURS(
            "selfstudy.dailyHours",
            "个人自学每日学时",
            "每人每日登记的个人自学累计不超过{0}学时",
            Sources.LOCAL,
            new Param("每日累计不超过", "学时", 24, 0.5, 24)),
    PLAN_APPROVED_FIRST("plan.approvedFirst", "年度学习计划审批", "年度学习计划在首次集中学习前经组长审批", Sources.RULES_AND_LOCAL),
    STUDY_PLAN_APPROVED("session.studyPlan", "学习方案审批", "每次集中学习的学习方案经组长审批", Sources.LOCAL),
    UNITS_VISITED(
            "supervision.coverage",
            "列席旁听覆盖",
            "每个下属单位每年至少列席旁听{0}次",
            Sources.SUPERVISION,
            new Param("每个单位每年不少于", "次", 1, 1, 12)),
    VISIT_SUMMARY_IN_TIME(
            "supervision.summary",
            "旁听小结时限",
            "列席旁听后{0}个工作日内形成小结，被旁听单位于学习前{1}个工作日报送学习方案和材料（期限按工作日历计算）",
            Sources.SUPERVISION,
            new Param("小结时限", "个工作日", 10, 1, 60),
            new Param("材料提前", "个工作日", 5, 0, 30)),
    NOTHING_OVERDUE("tracking.overdue", "落实整改时限", "学习部署的落实任务和旁听整改事项不逾期", Sources.LOCAL),
    ADOPTION_RATE(
            "research.adoption", "学用转化", "课题研讨形成的对策建议采纳率不低于{0}%", Sources.LOCAL, new Param("采纳率不低于", "%", 50, 1, 100)),
    /** By when the direct subordinate units file their plan and member list (the superior's own table sets it). */
    PLAN_FILING_DUE(
            "submission.planDue",
            "年初报送时限",
            "下属单位于每年{0}月{1}日前报送年度学习计划和中心组成员名册",
            Sources.LOCAL,
            new Param("月", "月", 1, 1, 12),
            new Param("日", "日", 31, 1, 31)),
    /** By when the direct subordinate units file their half-year and annual reports. */
    REPORT_FILING_DUE(
            "submission.reportDue",
            "报告报送时限",
            "下属单位于7月{0}日前报送上半年学习情况报告，于次年1月{1}日前报送年度学习情况报告",
            Sources.LOCAL,
            new Param("上半年报告7月", "日", 15, 1, 31),
            new Param("年度报告次年1月", "日", 20, 1, 31));

    private final String key;
    private final String title;
    private final String template;
    private final String defaultSource;
    private final List<Param> params;

    RuleDefinition(String key, String title, String template, String defaultSource, Param... params) {
        this.key = key;
        this.title = title;
        this.template = template;
        this.defaultSource = defaultSource;
        this.params = List.of(params);
    }

    public String key() {
        return key;
    }

    /** The rule's short name, e.g. 学用转化. */
    public String title() {
        return title;
    }

    public String defaultSource() {
        return defaultSource;
    }

    public List<Param> params() {
        return params;
    }

    /** The rule as users read it, with the thresholds and the default kinds filled in. */
    public String text(BigDecimal param1, BigDecimal param2) {
        return text(param1, param2, defaultKinds());
    }

    /** The rule as users read it, with the thresholds and the kinds that count filled in. */
    public String text(BigDecimal param1, BigDecimal param2, List<String> kinds) {
        return template.replace("{0}", Param.format(param1))
                .replace("{1}", Param.format(param2))
                .replace("{k}", kindLabels(kinds, "或"));
    }

    /**
     * The kinds of record the rule may count, for a rule whose setting says which count (成员发言: 重点发言、交流发言、点评;
     * 学习成果: 心得体会、调研报告、理论文章、发言材料); empty for every other rule.
     */
    public List<Kind> kinds() {
        return switch (this) {
            case KEY_SPEECHES_PER_MEMBER ->
                Arrays.stream(SpeechKind.values())
                        .map(k -> new Kind(k.name(), k.label()))
                        .toList();
            case WRITINGS_PER_MEMBER ->
                Arrays.stream(WritingKind.values())
                        .map(k -> new Kind(k.name(), k.label()))
                        .toList();
            default -> List.of();
        };
    }

    /** The kinds counted by default: what the rule counted before the setting existed. */
    public List<String> defaultKinds() {
        return switch (this) {
            case KEY_SPEECHES_PER_MEMBER -> List.of(SpeechKind.KEY.name());
            case WRITINGS_PER_MEMBER -> List.of(WritingKind.EXPERIENCE.name(), WritingKind.RESEARCH_REPORT.name());
            default -> List.of();
        };
    }

    /** The labels of the given kinds in the rule's order, joined, e.g. 心得体会或调研报告. */
    public String kindLabels(List<String> codes, String joiner) {
        return kinds().stream()
                .filter(k -> codes.contains(k.code()))
                .map(Kind::label)
                .collect(Collectors.joining(joiner));
    }

    public BigDecimal defaultParam(int index) {
        return index < params.size() ? params.get(index).defaultValue() : null;
    }

    public static Optional<RuleDefinition> byKey(String key) {
        return Arrays.stream(values()).filter(d -> d.key.equals(key)).findFirst();
    }

    /**
     * One threshold of a rule.
     *
     * @param label what it limits, e.g. 全年不少于
     * @param unit its unit, e.g. 次
     * @param defaultValue the default
     * @param min smallest allowed value
     * @param max largest allowed value
     */
    public record Param(String label, String unit, BigDecimal defaultValue, BigDecimal min, BigDecimal max) {

        Param(String label, String unit, double defaultValue, double min, double max) {
            this(label, unit, BigDecimal.valueOf(defaultValue), BigDecimal.valueOf(min), BigDecimal.valueOf(max));
        }

        /** A threshold as text: 12, 0.5, 44.4 (no trailing zeros). */
        public static String format(BigDecimal value) {
            if (value == null) {
                return "";
            }
            BigDecimal stripped = value.stripTrailingZeros();
            return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
        }
    }

    /**
     * A kind of record a rule may count.
     *
     * @param code as stored in the setting, e.g. EXPERIENCE
     * @param label as users read it, e.g. 心得体会
     */
    public record Kind(String code, String label) {}

    /** Where the defaults come from; every source is editable per organisation and year. */
    private static final class Sources {
        static final String RULES_AND_LOCAL = "《中国共产党党委（党组）理论学习中心组学习规则》；本单位中心组学习实施办法";
        static final String LOCAL = "本单位中心组学习实施办法";
        static final String STUDY_SYSTEM = "本单位党委（党组）理论学习中心组学习制度（中心组学习制度）";
        static final String FIRST_TOPIC = "“第一议题”制度；本单位中心组学习实施办法";
        static final String SUPERVISION = "《中国共产党党委（党组）理论学习中心组学习规则》（2024年修订）关于列席旁听的规定；本单位列席旁听工作办法";
    }
}
