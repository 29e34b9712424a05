package cn.studyledger.report.domain;

import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.Period;
import cn.studyledger.report.BlockKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The default annual report: the structure of the upward report (title; opening; 一、学习开展基本情况;
 * 二、主要做法与成效 with （一）…（四）, each 一是…二是…三是…; 三、存在的问题与不足; 四、下一步工作打算; signature and
 * date), in our own wording, with a token wherever a number or a name comes from the records, and each clause that
 * states a figure written only when the records hold something for it ({@code {{#if key}}…{{/if}}}, see
 * {@link Tokens}): a unit without a plan, a research report or subordinate units is not told it has them. A figure no sentence
 * mentions (defined later by some module) is listed at the end of section 一, so no figure is left out.
 */
final class DefaultTemplate {

    static final String TITLE = "标题";
    static final String OPENING = "开头";
    static final String BASICS = "一";
    static final String PRACTICE = "二";
    static final String PROBLEMS = "三";
    static final String NEXT = "四";
    static final String ENDING = "落款";

    /** Built-in tokens besides the figures. */
    static final String YEAR = "year";

    /** The short name the organisation issues documents under (X局党组, X局生态环境监测中心党委). */
    static final String ISSUER = "org.issuer";

    /** The full name, for the signature (中共X局党组, 中共X局生态环境监测中心委员会). */
    static final String ISSUER_FULL = "org.issuerFull";

    static final List<String> BUILT_INS = List.of(YEAR, ISSUER, ISSUER_FULL);

    private DefaultTemplate() {}

    /** One block of the template. */
    record Draft(BlockKind kind, String section, String heading, String body) {}

    /** The annual report's default blocks, of an organisation without units below it. */
    static List<Draft> blocks(List<FigureDefinition> definitions) {
        return blocks(definitions, null, false);
    }

    /** The default blocks of the report of a period, of an organisation without units below it. */
    static List<Draft> blocks(List<FigureDefinition> definitions, Period period) {
        return blocks(definitions, period, false);
    }

    /** The prefix of the figures of the units below ({@code system.units}, {@code system.sessions.collective} …). */
    static final String SYSTEM = "system.";

    /**
     * The paragraph that speaks for the system (下属N个单位中心组共开展集体学习X次…), in section 一 after the
     * organisation's own figures: written only for an organisation with direct subordinate units (the whole of it is
     * a clause on {@code system.units}, should the units be gone by the time it is written), and in it each figure
     * only when the units have something for it ({@code supervision.coverage} has a value wherever there are units:
     * they are what it is measured over). The figures are those of the direct subordinates ({@code system.*});
     * those of every unit below ({@code system.all.*}) are tokens for the clerk's own text.
     */
    static String systemParagraph(String span) {
        return "{{#if system.units}}" + span + "，{{org.issuer}}切实履行对下属单位理论学习的指导职责，"
                + "加强对下属{{system.units}}个单位党组织理论学习中心组学习的督促指导"
                + "{{#if system.sessions.collective}}，下属单位中心组共开展集体学习{{system.sessions.collective}}次"
                + "{{#if system.sessions.hours}}、累计{{system.sessions.hours}}小时{{/if}}"
                + "{{#if system.sessions.discussion}}，其中专题研讨{{system.sessions.discussion}}次{{/if}}"
                + "{{#if system.firsttopic.sessions}}，“第一议题”学习{{system.firsttopic.sessions}}次{{/if}}{{/if}}"
                + "{{#if system.lectures.count}}，举办专题辅导报告{{system.lectures.count}}场{{/if}}"
                + "{{#if system.selfstudy.hours}}，中心组成员个人自学累计{{system.selfstudy.hours}}学时{{/if}}"
                + "{{#if system.writings.count}}，撰写心得体会、调研报告等学习成果{{system.writings.count}}篇{{/if}}"
                + "{{#if system.investigation.reports}}，形成调研报告{{system.investigation.reports}}篇{{/if}}"
                + "{{#if system.research.adopted}}，{{system.research.adopted}}条对策建议转化为政策措施或工作举措{{/if}}"
                + "{{#if system.supervision.visits}}，下属单位对所属单位开展列席旁听指导{{system.supervision.visits}}场次{{/if}}"
                + "；对下属单位中心组学习列席旁听覆盖率{{supervision.coverage}}"
                + "{{#if submissions.onTime}}，学习计划、学习情况报告等材料报送及时率{{submissions.onTime}}{{/if}}"
                + "{{#if notices.coverage}}，学习提示落实率{{notices.coverage}}{{/if}}"
                + "，以点带面推动全系统理论学习规范化、制度化水平不断提升。{{/if}}";
    }

    /**
     * The default blocks of the report of a period: the annual report's, or the half-year report's (上半年学习情况报告),
     * whose sentences speak of the first half (「上半年共组织集体学习…」), whose next steps are 下半年's and which is
     * dated 30 June. A null period is the whole year.
     */
    static List<Draft> blocks(List<FigureDefinition> definitions, Period period, boolean units) {
        boolean half = period != null && !period.wholeYear();
        String span = half ? "上半年" : "全年";
        String when = half ? "{{year}}年上半年" : "{{year}}年";
        List<Draft> blocks = new ArrayList<>();
        blocks.add(new Draft(
                BlockKind.TITLE,
                TITLE,
                null,
                "{{org.issuer}}关于" + (half ? "{{year}}年上半年" : "{{year}}年度") + "理论学习中心组学习情况报告"));
        blocks.add(body(
                OPENING,
                when + "，{{org.issuer}}把理论学习中心组学习摆在领导班子自身建设的突出位置，以习近平新时代中国特色社会主义思想为指导，"
                        + "认真贯彻党的二十大和二十届历次全会精神，围绕中心任务抓好理论武装，推动学习往深里走、往心里走、往实里走，"
                        + "为各项工作提供了有力的思想保证。现将" + (half ? "上半年" : "本年度") + "学习情况报告如下。"));

        blocks.add(new Draft(BlockKind.HEADING1, BASICS, null, "一、学习开展基本情况"));
        blocks.add(body(
                BASICS,
                when + "，{{org.issuer}}理论学习中心组依照《中国共产党党委（党组）理论学习中心组学习规则》和上级党委的部署要求，"
                        + "{{#if plan.executionRate}}年初制定学习计划、每月排出具体安排，学习计划执行率{{plan.executionRate}}。"
                        + "{{#else}}组织开展理论学习。{{/if}}" + span + "共组织集体学习{{sessions.collective}}次"
                        + "{{#if sessions.hours}}，累计学习{{sessions.hours}}小时、折合{{sessions.days}}天{{/if}}"
                        + "{{#if sessions.discussion}}，其中开展专题研讨{{sessions.discussion}}次{{/if}}"
                        + "{{#if firsttopic.sessions}}，“第一议题”学习{{firsttopic.sessions}}次{{/if}}"
                        + "{{#if sessions.enlarged}}，扩大学习{{sessions.enlarged}}次{{/if}}"
                        + "{{#if attendance.rate}}；中心组成员参学率{{attendance.rate}}（应参学{{attendance.rate|分母}}人次，"
                        + "实际参学{{attendance.rate|分子}}人次，含请假后按期补学），出勤率{{attendance.presentRate}}{{/if}}"
                        + "{{#if selfstudy.hours}}；成员个人自学累计{{selfstudy.hours|超过}}学时{{/if}}。"));
        blocks.add(body(
                BASICS,
                span + "以学习贯彻党的二十届四中全会精神为主线，结合谋划本单位“十五五”发展开展集中研讨，坚持计划先行、"
                        + "过程留痕、研讨见材料，学习的系统性和连贯性进一步增强，班子成员运用党的创新理论分析和解决实际问题的本领不断提高。"));
        if (units) {
            blocks.add(body(BASICS, systemParagraph(span)));
        }

        blocks.add(new Draft(BlockKind.HEADING1, PRACTICE, null, "二、主要做法与成效"));
        blocks.add(new Draft(
                BlockKind.HEADING2,
                PRACTICE,
                "（一）突出政治引领，把“第一议题”制度落到实处。",
                "一是坚持首要议题先学。每次集中学习都把习近平总书记最新重要讲话和重要指示批示精神放在首位，"
                        + "形成传达学习、研究部署、贯彻落实、督查问效的工作链条"
                        + "{{#if firsttopic.sessions}}，" + span + "“第一议题”学习{{firsttopic.sessions}}次{{/if}}"
                        + "{{#if firsttopic.items}}，学习内容{{firsttopic.items}}项，从发布到首次学习的时差中位数为"
                        + "{{firsttopic.medianLagDays}}天{{/if}}"
                        + "{{#if firsttopic.closureRate}}，部署的贯彻落实任务按期办结率{{firsttopic.closureRate}}{{/if}}。"
                        + "二是系统学习党的创新理论。围绕全会精神读原著、学原文、悟原理"
                        + "{{#if lectures.count}}，邀请专家学者作专题辅导报告{{lectures.count}}场{{/if}}"
                        + "{{#if materials.issues}}，编印专题学习资料{{materials.issues}}期{{/if}}，帮助班子成员把握理论体系的内在逻辑。"
                        + "三是把党性教育融入日常学习。结合党纪学习教育和中央八项规定精神学习教育，通过现场教学、警示教育、案例剖析等方式，"
                        + "引导班子成员筑牢信仰之基、守住纪律底线。"));
        blocks.add(new Draft(
                BlockKind.HEADING2,
                PRACTICE,
                "（二）丰富学习载体，推动学习走深走实。",
                "一是多种方式联动学习。统筹领导带头学、研讨交流学、实地调研学、专题辅导学、线上线下同步学、联动共建学"
                        + "{{#if writings.count}}，中心组成员撰写心得体会、调研报告等学习成果{{writings.count}}篇{{/if}}"
                        + "{{#if fieldwork.count}}，参加现场教学与实地调研{{fieldwork.count}}次{{/if}}"
                        + "{{#if online.personTimes}}，线上学习累计{{online.personTimes}}人次{{/if}}。"
                        + "{{#if supervision.visits}}二是开展列席旁听督导。列席旁听组按照会前审方案、会中看实效、会后提建议的流程，"
                        + "对下属单位中心组学习开展旁听指导{{supervision.visits}}场次，{{supervision.coverage|覆盖}}，"
                        + "以点带面提升全系统学习的规范化水平。{{#else}}二是严格学习过程管理。坚持学习有记录、研讨有材料、请假须补学，"
                        + "学习过程全程留痕。{{/if}}"
                        + "三是拓展开放融合的学习场景。把课堂延伸到工作一线和实践基地"
                        + "{{#if outreach.jointSessions}}，与基层党支部、青年理论学习小组开展联学共建{{outreach.jointSessions}}次{{/if}}，"
                        + "让学习研讨与决策部署紧密衔接。"));
        blocks.add(new Draft(
                BlockKind.HEADING2,
                PRACTICE,
                "（三）聚焦中心工作，推动学用转化见效。",
                "一是以课题牵引研讨。结合年度重点任务确定研讨课题，由班子成员牵头研究"
                        + "{{#if research.discussions}}，开展深度研讨{{research.discussions}}次{{/if}}"
                        + "{{#if research.recommendations}}，形成对策建议{{research.recommendations}}条，"
                        + "其中{{research.adopted}}条转化为政策措施或工作举措{{/if}}。"
                        + "二是以调研检验学习。坚持学习、研讨、调研、实践贯通"
                        + "{{#if investigation.themes}}，确定调研主题{{investigation.themes}}个{{/if}}"
                        + "{{#if investigation.trips}}，深入基层开展调研{{investigation.trips}}次{{/if}}"
                        + "{{#if investigation.reports}}，形成调研报告{{investigation.reports}}篇{{/if}}"
                        + "{{#if investigation.highlightField}}，其中关于{{investigation.highlightField}}领域的调研报告"
                        + "找准了问题症结、提出了务实举措{{/if}}。三是以成效服务大局。把学习成果运用到发展规划编制和年度重点工作中"
                        + "{{#if org.field}}，推动{{org.field}}领域高质量发展{{/if}}。"));
        blocks.add(
                new Draft(
                        BlockKind.HEADING2,
                        PRACTICE,
                        "（四）发挥示范作用，营造浓厚学习氛围。",
                        "一是主要负责同志带头学。组长亲自{{#if plan.executionRate}}审定学习计划、{{/if}}确定学习专题、主持集体学习并进行讲评，"
                                + "班子成员结合分工作重点发言{{#if speech.keyRate}}，中心组成员重点发言率{{speech.keyRate}}{{/if}}。"
                                + "二是带动青年干部共同学。{{#if youth.attendees}}推行青年干部列席中心组学习，安排{{youth.attendees}}"
                                + "名青年干部列席学习{{#else}}推动中心组学习与党支部“三会一课”、青年理论学习小组学习相衔接{{/if}}"
                                + "{{#if youth.speakers}}，{{youth.speakers}}名青年干部作交流发言{{/if}}。"
                                + "三是加强学习成果宣传交流。通过内部刊物、宣传栏和政务新媒体"
                                + "{{#if publicity.items}}刊发宣传报道{{publicity.items}}篇{{#else}}宣传学习成果{{/if}}"
                                + "{{#if outreach.exchangeMeetings}}，召开经验交流会{{outreach.exchangeMeetings}}次{{/if}}，营造比学赶超的浓厚氛围。"));

        blocks.add(new Draft(BlockKind.HEADING1, PROBLEMS, null, "三、存在的问题与不足"));
        blocks.add(body(PROBLEMS, "对照新时代新征程对领导班子理论武装的要求，对照上级党委的部署，" + (half ? "上半年" : "本年度") + "中心组学习还存在一些不足，主要是："));
        blocks.add(body(PROBLEMS, Tokens.MISSING));
        blocks.add(new Draft(BlockKind.HEADING1, NEXT, null, "四、下一步工作打算"));
        blocks.add(body(NEXT, (half ? "下半年" : "下一步") + "，{{org.issuer}}理论学习中心组将针对上述问题，重点抓好以下工作："));
        blocks.add(body(NEXT, Tokens.MISSING));
        blocks.add(new Draft(
                BlockKind.SIGNATURE, ENDING, "{{org.issuerFull}}", "{{year}}年" + (half ? "6月30日" : "12月31日")));

        Set<String> used = blocks.stream()
                .flatMap(b -> Tokens.tokens((b.heading() == null ? "" : b.heading()) + b.body()).stream())
                .map(Tokens.Token::key)
                .collect(Collectors.toCollection(HashSet::new));
        used.add("org.name"); // written as {{org.issuer}} in the title and text, {{org.issuerFull}} in the signature
        // the figures of the units below speak in their paragraph, only where there are units: never as 0 elsewhere
        Tokens.tokens(systemParagraph(span)).forEach(t -> used.add(t.key()));
        List<String> others = definitions.stream()
                .filter(d -> !used.contains(d.key()) && !d.key().startsWith(SYSTEM))
                .map(d -> d.label() + "{{" + d.key() + "}}" + (d.kind() == FigureDefinition.Kind.RATE ? "" : d.unit()))
                .toList();
        if (!others.isEmpty()) {
            int after = blocks.indexOf(blocks.stream()
                    .filter(b -> b.section().equals(PRACTICE))
                    .findFirst()
                    .orElseThrow());
            blocks.add(after, body(BASICS, "其他统计：" + String.join("；", others) + "。"));
        }
        return blocks;
    }

    /** How a section is named in the history and the audit log. */
    static String sectionLabel(String section) {
        switch (section) {
            case BASICS:
                return "一、学习开展基本情况";
            case PRACTICE:
                return "二、主要做法与成效";
            case PROBLEMS:
                return "三、存在的问题与不足";
            case NEXT:
                return "四、下一步工作打算";
            default:
                return section;
        }
    }

    private static Draft body(String section, String text) {
        return new Draft(BlockKind.BODY, section, null, text);
    }
}
