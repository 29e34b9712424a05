package cn.studyledger.research.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.research.Award;
import cn.studyledger.research.SelectionStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scoring and ranking of the excellent-report selection: weighted scores, ranks with ties, a judge never scoring
 * their own report, and finishing only when every score is in, with awards that follow the ranking.
 */
class SelectionRulesTests {

    static final long WANG = 1;
    static final long LI = 2;
    static final long LIU = 3;

    static final List<Ranking.Criterion> CRITERIA =
            List.of(new Ranking.Criterion(10, "选题价值", 30), new Ranking.Criterion(11, "文字质量", 70));

    static Map<Long, Integer> scores(int first, int second) {
        return Map.of(10L, first, 11L, second);
    }

    Selection selection() {
        Selection s = new Selection(1, 2025);
        s.configure(
                "2025年度优秀调研报告评选",
                List.of(new Selection.CriterionLine("选题价值", 30), new Selection.CriterionLine("文字质量", 70)),
                List.of(WANG, LI, LIU),
                Set.of());
        return s;
    }

    @Test
    void aJudgesScoreIsTheWeightedMeanOfTheCriteria() {
        assertThat(Ranking.weighted(CRITERIA, scores(90, 80))).isEqualByComparingTo("83");
        assertThat(Ranking.weighted(CRITERIA, scores(100, 0))).isEqualByComparingTo("30");
    }

    @Test
    void reportsAreRankedByTheMeanOfTheirEligibleJudgesWithTiesSharingARank() {
        List<Ranking.Candidate> candidates = List.of(
                new Ranking.Candidate(100, "甲", Set.of(LIU)),
                new Ranking.Candidate(200, "乙", Set.of()),
                new Ranking.Candidate(300, "丙", Set.of()),
                new Ranking.Candidate(400, "丁", Set.of()));
        List<Ranking.Sheet> sheets = List.of(
                new Ranking.Sheet(100, WANG, scores(90, 90)),
                new Ranking.Sheet(100, LI, scores(80, 80)),
                // a sheet by the report's own author never counts
                new Ranking.Sheet(100, LIU, scores(100, 100)),
                new Ranking.Sheet(200, WANG, scores(85, 85)),
                new Ranking.Sheet(300, WANG, scores(90, 80)),
                new Ranking.Sheet(300, LI, scores(90, 90)));
        List<Ranking.Row> rows = Ranking.rank(CRITERIA, candidates, Set.of(WANG, LI, LIU), sheets);

        assertThat(rows).extracting(Ranking.Row::reportId).containsExactly(300L, 100L, 200L, 400L);
        assertThat(rows.get(0).score()).isEqualByComparingTo(new BigDecimal("86.50"));
        assertThat(rows.get(1).score()).isEqualByComparingTo("85.00");
        assertThat(rows.get(2).score()).isEqualByComparingTo("85.00");
        assertThat(rows).extracting(Ranking.Row::rank).containsExactly(1, 2, 2, null);
        assertThat(rows.get(1).eligible()).isEqualTo(2);
        assertThat(rows.get(1).sheets()).isEqualTo(2);
        assertThat(Ranking.missing(candidates, Set.of(WANG, LI, LIU), sheets))
                .extracting(Ranking.Missing::reportId, Ranking.Missing::judgeId)
                .containsExactlyInAnyOrder(
                        tuple(200L, LI),
                        tuple(200L, LIU),
                        tuple(300L, LIU),
                        tuple(400L, WANG),
                        tuple(400L, LI),
                        tuple(400L, LIU));
    }

    @Test
    void aJudgeCannotScoreAReportOfTheirOwn() {
        assertThatThrownBy(() -> selection().checkMayScore(LIU, "关于水生态保护的调研报告", Set.of(LIU, 9L)))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("您是《关于水生态保护的调研报告》的作者，不能为自己的报告评分");
        selection().checkMayScore(WANG, "关于水生态保护的调研报告", Set.of(LIU, 9L));
    }

    @Test
    void onlyJudgesScore() {
        assertThatThrownBy(() -> selection().checkMayScore(7, "报告", Set.of())).hasMessage("您不是本次评选的评委，不能评分");
    }

    @Test
    void everyCriterionGetsAScoreFromZeroToHundred() {
        ScoreSheet sheet = new ScoreSheet(1, 100, WANG);
        assertThatThrownBy(() -> sheet.record(CRITERIA, Map.of(10L, 90), null)).hasMessage("请为“文字质量”打分");
        assertThatThrownBy(() -> sheet.record(CRITERIA, scores(90, 101), null)).hasMessage("“文字质量”的得分须在0–100之间");
        assertThatThrownBy(() -> sheet.record(CRITERIA, scores(-1, 80), null)).hasMessage("“选题价值”的得分须在0–100之间");
        assertThatThrownBy(() -> sheet.record(CRITERIA, Map.of(10L, 90, 11L, 80, 12L, 70), null))
                .hasMessage("所评的评分标准不属于本次评选");
        sheet.record(CRITERIA, scores(0, 100), " 选题精准 ");
        assertThat(sheet.scores()).containsEntry(10L, 0).containsEntry(11L, 100);
        assertThat(sheet.remark()).isEqualTo("选题精准");
    }

    @Test
    void criteriaAreFixedOnceJudgesHaveScoredAndJudgesWhoScoredStay() {
        Selection s = selection();
        List<Selection.CriterionLine> same =
                List.of(new Selection.CriterionLine("选题价值", 30), new Selection.CriterionLine("文字质量", 70));
        assertThatThrownBy(() -> s.configure(
                        "评选",
                        List.of(new Selection.CriterionLine("选题价值", 50), new Selection.CriterionLine("文字质量", 50)),
                        List.of(WANG, LI, LIU),
                        Set.of(WANG)))
                .hasMessage("评委已开始评分，不能再修改评分标准");
        assertThatThrownBy(() -> s.configure("评选", same, List.of(LI, LIU), Set.of(WANG)))
                .hasMessage("已评分的评委不能移出评委名单");
        s.configure("评选（修订）", same, List.of(WANG, LI, LIU, 8L), Set.of(WANG));
        assertThat(s.judgeIds()).containsExactly(WANG, LI, LIU, 8L);
    }

    @Test
    void criteriaNeedNamesWeightsAndAtLeastOneJudge() {
        Selection s = new Selection(1, 2025);
        assertThatThrownBy(() -> s.configure("评选", List.of(), List.of(WANG), Set.of()))
                .hasMessage("请至少设置一项评分标准");
        assertThatThrownBy(
                        () -> s.configure("评选", List.of(new Selection.CriterionLine("选题", 0)), List.of(WANG), Set.of()))
                .hasMessage("评分标准“选题”的权重须为1–100的整数");
        assertThatThrownBy(() -> s.configure(
                        "评选",
                        List.of(new Selection.CriterionLine("选题", 50), new Selection.CriterionLine("选题 ", 50)),
                        List.of(WANG),
                        Set.of()))
                .hasMessage("评分标准“选题”重复");
        assertThatThrownBy(() -> s.configure("评选", List.of(new Selection.CriterionLine("选题", 50)), List.of(), Set.of()))
                .hasMessage("请至少选择一名评委");
        assertThatThrownBy(
                        () -> s.configure(" ", List.of(new Selection.CriterionLine("选题", 50)), List.of(WANG), Set.of()))
                .hasMessage("请填写评选名称");
    }

    static List<Ranking.Row> ranking() {
        return List.of(
                new Ranking.Row(300, "丙", new BigDecimal("90.00"), 2, 2, 1),
                new Ranking.Row(100, "甲", new BigDecimal("85.00"), 2, 2, 2),
                new Ranking.Row(200, "乙", new BigDecimal("85.00"), 2, 2, 2),
                new Ranking.Row(400, "丁", new BigDecimal("70.00"), 2, 2, 4));
    }

    @Test
    void finishingNeedsEveryScoreAndAtLeastOneAward() {
        assertThatThrownBy(
                        () -> selection().finish(ranking(), 3, Map.of(300L, Award.FIRST), LocalDate.of(2025, 12, 20)))
                .hasMessage("尚有 3 份评分未完成，全部评委评分后才能结束评选");
        assertThatThrownBy(() -> selection().finish(ranking(), 0, Map.of(), LocalDate.of(2025, 12, 20)))
                .hasMessage("请至少评出一个奖项");
        assertThatThrownBy(() -> selection().finish(List.of(), 0, Map.of(), LocalDate.of(2025, 12, 20)))
                .hasMessage("本年度没有参评的调研报告，不能结束评选");
        assertThatThrownBy(() -> selection()
                        .finish(
                                List.of(new Ranking.Row(100, "甲", null, 0, 0, null)),
                                0,
                                Map.of(100L, Award.FIRST),
                                LocalDate.of(2025, 12, 20)))
                .hasMessage("《甲》的作者均为评委，没有可评分的评委，请增加评委");
    }

    @Test
    void awardsFollowTheRankingThoughTiedReportsMayDiffer() {
        assertThatThrownBy(() -> selection()
                        .finish(
                                ranking(),
                                0,
                                Map.of(300L, Award.SECOND, 100L, Award.THIRD, 400L, Award.FIRST),
                                LocalDate.of(2025, 12, 20)))
                .hasMessage("《丁》排名在《乙》之后，所获奖项不能高于它");

        Selection s = selection();
        s.finish(
                ranking(),
                0,
                Map.of(300L, Award.FIRST, 100L, Award.SECOND, 200L, Award.THIRD),
                LocalDate.of(2025, 12, 20));
        assertThat(s.status()).isEqualTo(SelectionStatus.FINISHED);
        assertThat(s.finishedOn()).isEqualTo(LocalDate.of(2025, 12, 20));
        assertThat(s.results())
                .extracting(SelectionResult::reportId, SelectionResult::ranking, SelectionResult::award)
                .containsExactly(
                        tuple(300L, 1, Award.FIRST),
                        tuple(100L, 2, Award.SECOND),
                        tuple(200L, 2, Award.THIRD),
                        tuple(400L, 4, null));
    }

    @Test
    void aFinishedSelectionIsReadOnly() {
        Selection s = selection();
        s.finish(ranking(), 0, Map.of(300L, Award.FIRST), LocalDate.of(2025, 12, 20));
        assertThatThrownBy(() -> s.checkMayScore(WANG, "丙", Set.of())).hasMessage("评选已结束，不能再评分");
        assertThatThrownBy(() -> s.finish(ranking(), 0, Map.of(300L, Award.FIRST), LocalDate.of(2025, 12, 21)))
                .hasMessage("评选已结束，不能重复结束");
        assertThatThrownBy(() ->
                        s.configure("改名", List.of(new Selection.CriterionLine("选题", 100)), List.of(WANG), Set.of()))
                .hasMessage("评选已结束，不能再修改");
    }
}
