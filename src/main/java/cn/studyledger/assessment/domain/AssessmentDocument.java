package cn.studyledger.assessment.domain;

import cn.studyledger.assessment.domain.AssessmentViews.Board;
import cn.studyledger.assessment.domain.AssessmentViews.CommendationView;
import cn.studyledger.assessment.domain.AssessmentViews.Item;
import cn.studyledger.assessment.domain.AssessmentViews.UnitScore;
import cn.studyledger.common.time.OfficeTime;
import cn.studyledger.office.DocumentBlock;
import cn.studyledger.office.OfficeDocuments;
import cn.studyledger.org.OrgRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The 通报 of an assessment: what was assessed and how, the overall result, the commendations, the problems the rule
 * checks found, the requirements, and the attachment with every unit's points in the organisation's own order (no
 * ranking), all from the approved snapshot.
 */
@Component
class AssessmentDocument {

    private final OfficeDocuments office;

    AssessmentDocument(OfficeDocuments office) {
        this.office = office;
    }

    byte[] write(OrgRef org, Board board, String documentNumber, LocalDate issuedOn) {
        List<DocumentBlock> blocks = new ArrayList<>();
        int year = board.year();
        List<UnitScore> units = board.units();
        blocks.add(new DocumentBlock.Title("关于" + year + "年度党委（党组）理论学习中心组学习考核情况的通报"));
        if (documentNumber != null) {
            blocks.add(new DocumentBlock.Body(documentNumber));
        }
        blocks.add(new DocumentBlock.Body("各下属单位党组织："));
        blocks.add(new DocumentBlock.Body("根据" + board.settings().source() + "，" + org.name() + "对所属" + units.size()
                + "个单位党组织理论学习中心组" + year + "年度学习情况进行了考核。考核以各单位日常记录的学习台账为依据，按"
                + board.criteria().size() + "项指标计分，经" + OfficeTime.chineseDate(board.publishedOn()) + "起公示、"
                + OfficeTime.chineseDate(board.approvedOn()) + "组长审定。现将有关情况通报如下。"));

        blocks.add(new DocumentBlock.Heading1("一、总体情况"));
        BigDecimal average = units.isEmpty()
                ? BigDecimal.ZERO
                : units.stream()
                        .map(UnitScore::score)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(units.size()), 1, RoundingMode.HALF_UP);
        blocks.add(new DocumentBlock.Body("参加考核单位" + units.size() + "个，平均得分" + Scoring.plain(average) + "分（满分"
                + Scoring.plain(board.totalWeight()) + "分）。各单位得分情况见附件，按单位序列排列。"));

        blocks.add(new DocumentBlock.Heading1("二、表彰先进"));
        List<CommendationView> commended =
                units.stream().flatMap(u -> u.commendations().stream()).toList();
        if (commended.isEmpty()) {
            blocks.add(new DocumentBlock.Body("本年度未评选先进集体。"));
        } else {
            commended.stream()
                    .collect(Collectors.groupingBy(
                            CommendationView::title, java.util.LinkedHashMap::new, Collectors.toList()))
                    .forEach((title, its) -> blocks.add(new DocumentBlock.Body("授予"
                            + its.stream().map(CommendationView::unitName).collect(Collectors.joining("、"))
                            + "“" + title + "”称号。")));
        }

        blocks.add(new DocumentBlock.Heading1("三、存在的主要问题"));
        List<String> problems = new ArrayList<>();
        for (UnitScore u : units) {
            for (Item i : u.items()) {
                if (Scoring.FINDINGS.equals(i.key()) && !"0".equals(i.value())) {
                    problems.add(u.unitName() + "：" + i.detail());
                }
            }
        }
        if (problems.isEmpty()) {
            blocks.add(new DocumentBlock.Body("规则检查未发现问题。"));
        } else {
            for (int n = 0; n < problems.size(); n++) {
                blocks.add(new DocumentBlock.Body((n + 1) + ". " + problems.get(n)));
            }
        }

        blocks.add(new DocumentBlock.Heading1("四、工作要求"));
        blocks.add(
                new DocumentBlock.Body("各单位要对照考核中发现的问题逐项整改，把整改情况记入学习台账；先进集体要发挥示范作用。" + "考核结果不作排名，不以打卡、积分和在线时长作为考核依据。"));

        blocks.add(new DocumentBlock.Body("附件：" + year + "年度各单位理论学习中心组学习考核得分情况"));
        List<String> header = new ArrayList<>();
        header.add("单位");
        board.criteria().forEach(c -> header.add(c.label() + "（" + Scoring.plain(c.weight()) + "分）"));
        header.add("加减分");
        header.add("得分");
        List<List<String>> rows = new ArrayList<>();
        for (UnitScore u : units) {
            List<String> row = new ArrayList<>();
            row.add(u.unitName());
            u.items().forEach(i -> row.add(Scoring.plain(i.points())));
            BigDecimal adjusted = u.adjustments().stream()
                    .map(AssessmentViews.AdjustmentView::points)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            row.add(adjusted.signum() == 0 ? "" : Scoring.plain(adjusted));
            row.add(Scoring.plain(u.score()));
            rows.add(row);
        }
        blocks.add(new DocumentBlock.Table(header, rows));
        blocks.add(new DocumentBlock.Signature(org.name(), OfficeTime.chineseDate(issuedOn)));
        return office.docx(blocks);
    }
}
