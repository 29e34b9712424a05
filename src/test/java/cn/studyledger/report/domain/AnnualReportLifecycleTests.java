package cn.studyledger.report.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.figure.Period;
import cn.studyledger.report.ReportStatus;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's state machine: DRAFT → SUBMITTED → FINAL → reopened as the next revision, and what is refused. */
class AnnualReportLifecycleTests {

    static final AnnualReport.Actor CLERK = new AnnualReport.Actor("clerk", "吴晓东");
    static final AnnualReport.Actor LEADER = new AnnualReport.Actor("leader", "王建国");
    static final LocalDateTime NOW = LocalDateTime.of(2026, 1, 10, 9, 0);

    @Test
    void whoeverSubmittedTheReportCannotFinaliseOrReturnIt() {
        AnnualReport report = new AnnualReport(1L, Period.of(2025), LEADER, NOW);
        report.submit(LEADER, NOW);
        assertThatThrownBy(() -> report.finalise(LEADER, NOW, List.of()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("不能审批本人提交的年度报告，须由他人审批");
        assertThatThrownBy(() -> report.sendBack(LEADER, NOW, "再改改")).hasMessage("不能审批本人提交的年度报告，须由他人审批");
        assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(report.snapshot()).isEmpty();
        report.finalise(CLERK, NOW, List.of());
        assertThat(report.status()).isEqualTo(ReportStatus.FINAL);
    }

    @Test
    void submittedReportIsFinalisedWithItsFiguresFrozenAndReadOnly() {
        AnnualReport report = new AnnualReport(1L, Period.of(2025), CLERK, NOW);
        report.submit(CLERK, NOW);
        assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED);
        report.finalise(LEADER, NOW, List.of(new SnapshotFigure(figure("14"), NOW)));
        assertThat(report.status()).isEqualTo(ReportStatus.FINAL);
        assertThat(report.snapshot()).hasSize(1);
        assertThat(report.decisions())
                .extracting(ReportDecision::action)
                .containsExactly(ReportAction.CREATE, ReportAction.SUBMIT, ReportAction.FINALISE);
        assertThatThrownBy(report::requireEditable)
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("已定稿的报告不能修改");
    }

    @Test
    void reopeningAFinalReportStartsTheNextRevisionAsADraftAndNeedsAReason() {
        AnnualReport report = finalReport();
        assertThatThrownBy(() -> report.reopen(LEADER, NOW, " "))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("重新打开报告时请填写原因");
        AnnualReport next = report.reopen(LEADER, NOW, "补充调研成果");
        assertThat(report.status()).isEqualTo(ReportStatus.FINAL);
        assertThat(next.status()).isEqualTo(ReportStatus.DRAFT);
        assertThat(next.revision()).isEqualTo(2);
        assertThat(next.decisions()).extracting(ReportDecision::comment).anyMatch(c -> c.contains("补充调研成果"));
    }

    @Test
    void aDraftCannotBeFinalisedBeforeItIsSubmitted() {
        AnnualReport report = new AnnualReport(1L, Period.of(2025), CLERK, NOW);
        assertThatThrownBy(() -> report.finalise(LEADER, NOW, List.of()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("报告尚未提交定稿，请学习秘书先提交");
        assertThatThrownBy(() -> report.reopen(LEADER, NOW, "原因"))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("只有已定稿的报告可以重新打开，当前状态：草稿");
        assertThatThrownBy(() -> report.sendBack(LEADER, NOW, "原因"))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("只有待定稿的报告可以退回，当前状态：草稿");
    }

    @Test
    void aSubmittedReportCannotBeEditedOrSubmittedAgainButCanBeSentBack() {
        AnnualReport report = new AnnualReport(1L, Period.of(2025), CLERK, NOW);
        report.submit(CLERK, NOW);
        assertThatThrownBy(report::requireEditable).hasMessageContaining("已提交组长定稿");
        assertThatThrownBy(() -> report.submit(CLERK, NOW))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("只有草稿可以提交定稿，当前状态：待组长定稿");
        report.sendBack(LEADER, NOW, "第三部分再具体些");
        assertThat(report.status()).isEqualTo(ReportStatus.DRAFT);
        report.requireEditable();
    }

    @Test
    void aFinalReportCannotBeFinalisedTwice() {
        AnnualReport report = finalReport();
        assertThatThrownBy(() -> report.finalise(LEADER, NOW, List.of()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("报告已定稿，不能重复定稿");
        assertThatThrownBy(() -> report.chooseTemplate(3L)).isInstanceOf(BusinessRuleException.class);
    }

    @Test
    void aKeptOrDroppedProposalCannotBeDecidedAgain() {
        Proposal proposal = new Proposal(1L, "三", "k", "规则", "发现", "问题。", List.of());
        proposal.drop();
        assertThatThrownBy(() -> proposal.keep("问题。"))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("该建议已不采用，不能再次处理");
    }

    @Test
    void defaultTemplateMentionsEveryFigureItIsGiven() {
        List<cn.studyledger.figure.FigureDefinition> definitions = List.of(
                new cn.studyledger.figure.FigureDefinition("sessions.collective", "集体学习次数", "次", Kind.COUNT),
                new cn.studyledger.figure.FigureDefinition("brand.new", "新指标", "个", Kind.COUNT));
        String all = DefaultTemplate.blocks(definitions).stream()
                .map(b -> (b.heading() == null ? "" : b.heading()) + b.body())
                .reduce("", String::concat);
        assertThat(all).contains("{{sessions.collective}}").contains("新指标{{brand.new}}个");
    }

    private static AnnualReport finalReport() {
        AnnualReport report = new AnnualReport(1L, Period.of(2025), CLERK, NOW);
        report.submit(CLERK, NOW);
        report.finalise(LEADER, NOW, List.of());
        return report;
    }

    private static FigureValue figure(String value) {
        return new FigureValue("sessions.collective", "集体学习次数", Kind.COUNT, value, null, null, "次", null);
    }
}
