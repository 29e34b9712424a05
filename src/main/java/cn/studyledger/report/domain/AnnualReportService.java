package cn.studyledger.report.domain;

import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.FigureResult;
import cn.studyledger.report.ReportBlock;
import cn.studyledger.report.domain.FigureService.Computed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Writes the annual report (年度报告) from the figures: section 一 is written from records; the sections not
 * yet fed by records carry a visible 【待补充】 rather than invented text.
 */
@Service
public class AnnualReportService {

    static final String MISSING = "【待补充】";

    private final FigureService figures;
    private final OrgApi orgs;
    private final DocxWriter writer;
    private final AuditLog audit;

    AnnualReportService(FigureService figures, OrgApi orgs, DocxWriter writer, AuditLog audit) {
        this.figures = figures;
        this.orgs = orgs;
        this.writer = writer;
        this.audit = audit;
    }

    /** The report as .docx bytes; the export is audited. */
    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    public byte[] docx(String orgCode, int year) {
        byte[] bytes = writer.write(blocks(orgCode, year));
        audit.recordExport("年度报告", orgCode + "/" + year, "导出" + year + "年度中心组学习情况报告（.docx）");
        return bytes;
    }

    @PreAuthorize("hasAuthority('" + Permissions.REPORT_EXPORT + "')")
    public List<ReportBlock> blocks(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        Map<String, Computed> f = figures.all(orgCode, year);
        String issuer = org.name() + org.type().label();
        List<ReportBlock> blocks = new ArrayList<>();
        blocks.add(new ReportBlock.Title(issuer + "关于" + year + "年度理论学习中心组学习情况报告"));
        blocks.add(new ReportBlock.Body(year + "年，" + issuer + "以习近平新时代中国特色社会主义思想为指导，"
                + "把理论学习中心组学习作为领导班子加强思想政治建设的基础性工作，按照年度学习计划组织集体学习、"
                + "督促个人自学，推动学习成果转化为推进工作的实际成效。现将全年学习情况报告如下。"));

        blocks.add(new ReportBlock.Heading1("一、学习开展基本情况"));
        blocks.add(new ReportBlock.Body(year + "年，" + issuer + "理论学习中心组对照《中国共产党党委（党组）理论学习中心组学习规则》"
                + "和上级部署安排学习。全年共组织集体学习" + value(f, "sessions.collective") + "次，其中开展专题研讨"
                + value(f, "sessions.discussion") + "次，“第一议题”学习" + value(f, "firsttopic.sessions") + "次；"
                + attendanceSentence(f.get("attendance.rate").result()) + "中心组成员个人自学"
                + hoursPhrase(f.get("selfstudy.hours").result()) + "。"));

        blocks.add(new ReportBlock.Heading1("二、主要做法与成效"));
        blocks.add(new ReportBlock.Heading2(
                "（一）坚持政治引领，落实“第一议题”制度。",
                "把学习习近平总书记最新重要讲话和重要指示批示精神作为每次集中学习的首要议题，按照“传达学习、研究部署、"
                        + "贯彻落实、督查问效”闭环推进。全年开展“第一议题”学习" + value(f, "firsttopic.sessions") + "次，学习内容"
                        + value(f, "firsttopic.items") + "项，贯彻落实任务按期办结率" + percent(f, "firsttopic.closureRate")
                        + "。邀请专家学者作专题辅导报告" + value(f, "lectures.count") + "场，编印专题学习资料"
                        + value(f, "materials.issues") + "期。"));
        blocks.add(new ReportBlock.Heading2(
                "（二）创新学习载体，提升学习质效。",
                "统筹集体学习、研讨交流、实地调研、专题辅导、线上学习和联学共建等方式。中心组成员撰写心得体会、调研报告等学习成果"
                        + value(f, "writings.count") + "篇，参加现场教学与实地调研" + value(f, "fieldwork.count")
                        + "次，线上学习累计" + value(f, "online.personTimes") + "人次。" + supervisionSentence(f)));
        blocks.add(new ReportBlock.Heading2(
                "（三）围绕中心工作，推动学用转化。",
                "围绕重点任务确定研讨课题，开展深度研讨" + value(f, "research.discussions") + "次，形成对策建议"
                        + value(f, "research.recommendations") + "条，其中" + value(f, "research.adopted")
                        + "条转化为具体政策或工作举措；确定调研主题" + value(f, "investigation.themes") + "个，深入基层开展调研"
                        + value(f, "investigation.trips") + "次，形成调研报告" + value(f, "investigation.reports")
                        + "篇，把学习成果转化为推动" + value(f, "org.field") + "领域高质量发展的具体举措。"));
        blocks.add(new ReportBlock.Heading2(
                "（四）强化示范带动，营造学习氛围。",
                "组长带头审定学习计划、主持集体学习并进行讲评，班子成员结合分工重点发言，中心组成员重点发言率"
                        + percent(f, "speech.keyRate") + "。安排" + value(f, "youth.attendees") + "名青年干部列席学习，"
                        + value(f, "youth.speakers") + "名青年干部交流发言。"));

        blocks.add(new ReportBlock.Heading1("三、存在的问题与不足"));
        blocks.add(new ReportBlock.Body(MISSING));
        blocks.add(new ReportBlock.Heading1("四、下一步工作打算"));
        blocks.add(new ReportBlock.Body(MISSING));
        blocks.add(new ReportBlock.Signature("中共" + issuer, chineseDate(LocalDate.now(ZoneId.of("Asia/Shanghai")))));
        return blocks;
    }

    private static String value(Map<String, Computed> f, String key) {
        Computed c = f.get(key);
        return c == null || !c.result().hasValue()
                ? MISSING
                : String.valueOf(c.result().value());
    }

    /** A rate as "N%" with its base, or 【待补充】 when the figure is undefined or has nothing to measure. */
    private static String percent(Map<String, Computed> f, String key) {
        Computed c = f.get(key);
        if (c == null || !c.result().hasValue()) {
            return MISSING;
        }
        return c.result().value() + "%";
    }

    /** "全覆盖" is only written when every subordinate unit was visited. */
    private static String supervisionSentence(Map<String, Computed> f) {
        Computed coverage = f.get("supervision.coverage");
        String scope = coverage != null
                        && coverage.result().hasValue()
                        && ((java.math.BigDecimal) coverage.result().value())
                                        .compareTo(java.math.BigDecimal.valueOf(100))
                                == 0
                ? "全覆盖"
                : "覆盖"
                        + (coverage == null || !coverage.result().hasValue()
                                ? MISSING
                                : coverage.result().numerator() + "/"
                                        + coverage.result().denominator() + "个单位");
        return "按照“会前审方案、会中看实效、会后提建议”程序，对下属单位中心组学习开展旁听指导" + value(f, "supervision.visits") + "场次，" + scope + "。";
    }

    private static String attendanceSentence(FigureResult rate) {
        if (!rate.hasValue()) {
            return "中心组成员参学率" + MISSING + "；";
        }
        return "中心组成员参学率达到" + rate.value() + "%（应参学" + rate.denominator() + "人次，实际参学" + rate.numerator()
                + "人次，含请假后完成补学）；";
    }

    /**
     * "超过 N 学时" with N the hours rounded down to a round number (hundreds from 1000, tens from 100); when the
     * hours are already round, "累计 N 学时" instead, since "超过" would then be untrue.
     */
    static String hoursPhrase(FigureResult hours) {
        if (!hours.hasValue() || ((BigDecimal) hours.value()).signum() == 0) {
            return "累计" + MISSING + "学时";
        }
        BigDecimal value = (BigDecimal) hours.value();
        int step =
                value.compareTo(new BigDecimal(1000)) >= 0 ? 100 : value.compareTo(new BigDecimal(100)) >= 0 ? 10 : 1;
        BigDecimal round =
                value.divide(BigDecimal.valueOf(step), 0, RoundingMode.FLOOR).multiply(BigDecimal.valueOf(step));
        if (round.compareTo(value) == 0) {
            return "累计" + round.toPlainString() + "学时";
        }
        return "累计超过" + round.toPlainString() + "学时";
    }

    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
