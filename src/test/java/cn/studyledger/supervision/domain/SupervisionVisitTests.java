package cn.studyledger.supervision.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.supervision.MaterialKind;
import cn.studyledger.supervision.VisitStage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The visit's stage machine: PLANNED → MATERIALS_SUBMITTED → APPROVED | RETURNED → OBSERVED → SUMMARISED → CLOSED,
 * each illegal step refused with its reason; the 5-working-day deadline, the 500-character 小结, the weighted score.
 */
class SupervisionVisitTests {

    static final LocalDate SESSION = LocalDate.of(2025, 6, 19);
    static final LocalDate DEADLINE = LocalDate.of(2025, 6, 12);
    static final LocalDate SUMMARY_DUE = LocalDate.of(2025, 7, 3);

    static SupervisionVisit planned() {
        return new SupervisionVisit(1, 2, SESSION, "学习习近平生态文明思想", "会议室", Set.of(10L, 11L));
    }

    static List<VisitMaterial> files() {
        return List.of(new VisitMaterial(MaterialKind.MATERIAL, 100), new VisitMaterial(MaterialKind.OUTLINE, 101));
    }

    static SupervisionVisit submitted() {
        SupervisionVisit v = planned();
        v.submit("学习方案", files(), DEADLINE, DEADLINE);
        return v;
    }

    static SupervisionVisit approved() {
        SupervisionVisit v = submitted();
        v.approve(null, DEADLINE, "张伟");
        return v;
    }

    static List<Rating> ratings() {
        return List.of(new Rating("学习方案", 40, 90), new Rating("研讨质量", 60, 75));
    }

    static SupervisionVisit observed() {
        SupervisionVisit v = approved();
        v.observe("现场记录", ratings(), SESSION);
        return v;
    }

    static SupervisionVisit summarised() {
        SupervisionVisit v = observed();
        v.summarise("总体良好", "联系实际", "研讨不深", SESSION.plusDays(7), SUMMARY_DUE);
        return v;
    }

    @Test
    void aPlannedVisitNeedsObservers() {
        assertThat(planned().stage()).isEqualTo(VisitStage.PLANNED);
        assertThatThrownBy(() -> new SupervisionVisit(1, 2, SESSION, "学习", null, Set.of()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("请至少安排一名旁听人员");
    }

    @Test
    void materialsAreAcceptedUpToTheDeadlineAndRefusedAfterItWithTheDeadlineInTheMessage() {
        SupervisionVisit onTime = planned();
        onTime.submit("学习方案", files(), DEADLINE, DEADLINE);
        assertThat(onTime.stage()).isEqualTo(VisitStage.MATERIALS_SUBMITTED);
        assertThat(onTime.submittedOn()).isEqualTo(DEADLINE);

        SupervisionVisit late = planned();
        assertThatThrownBy(() -> late.submit("学习方案", files(), DEADLINE.plusDays(1), DEADLINE))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("报送截止日为 2025-06-12")
                .hasMessageContaining("2025-06-12")
                .hasMessageContaining("已超过报送期限");
        assertThat(late.stage()).isEqualTo(VisitStage.PLANNED);
    }

    @Test
    void submissionNeedsTheStudyPlanAMaterialAndASpeechOutline() {
        SupervisionVisit v = planned();
        assertThatThrownBy(() -> v.submit(" ", files(), DEADLINE, DEADLINE)).hasMessage("请填写学习方案");
        assertThatThrownBy(
                        () -> v.submit("方案", List.of(new VisitMaterial(MaterialKind.OUTLINE, 1)), DEADLINE, DEADLINE))
                .hasMessage("请上传学习材料");
        assertThatThrownBy(
                        () -> v.submit("方案", List.of(new VisitMaterial(MaterialKind.MATERIAL, 1)), DEADLINE, DEADLINE))
                .hasMessage("请上传发言提纲");
        assertThat(v.stage()).isEqualTo(VisitStage.PLANNED);
    }

    @Test
    void returnedMaterialsNeedACommentAndAreResubmittedWithTheFilesKept() {
        SupervisionVisit v = submitted();
        assertThatThrownBy(() -> v.returnForRevision(" ", DEADLINE, "张伟")).hasMessage("退回学习方案须填写修改意见");
        v.returnForRevision("请明确重点发言人员", DEADLINE, "张伟");
        assertThat(v.stage()).isEqualTo(VisitStage.RETURNED);
        assertThat(v.reviewComment()).isEqualTo("请明确重点发言人员");
        v.submit("修改后的学习方案", List.of(), DEADLINE, DEADLINE);
        assertThat(v.stage()).isEqualTo(VisitStage.MATERIALS_SUBMITTED);
        assertThat(v.materials()).hasSize(2);
        v.approve("同意", DEADLINE, "张伟");
        assertThat(v.stage()).isEqualTo(VisitStage.APPROVED);
    }

    @Test
    void onlySubmittedMaterialsAreReviewedAndApprovedOnesAreNotResubmitted() {
        assertThatThrownBy(() -> planned().approve(null, DEADLINE, "张伟")).hasMessage("当前环节为“待报方案”，没有待审核的学习方案");
        SupervisionVisit v = approved();
        assertThatThrownBy(() -> v.returnForRevision("再改", DEADLINE, "张伟")).hasMessage("当前环节为“方案通过”，没有待审核的学习方案");
        assertThatThrownBy(() -> v.submit("方案", files(), DEADLINE, DEADLINE)).hasMessage("当前环节为“方案通过”，不能报送学习方案");
        assertThatThrownBy(() -> v.removeMaterial(100)).hasMessage("当前环节为“方案通过”，不能删除已报送的材料");
    }

    @Test
    void planCanChangeOnlyBeforeTheUnitSubmits() {
        SupervisionVisit v = planned();
        v.replan(SESSION.plusDays(7), "改期", null, Set.of(12L));
        assertThat(v.plannedOn()).isEqualTo(SESSION.plusDays(7));
        assertThat(v.observerPersonIds()).containsExactly(12L);
        SupervisionVisit s = submitted();
        assertThatThrownBy(() -> s.replan(SESSION, "改期", null, Set.of(12L))).hasMessageContaining("旁听安排不能再修改");
        assertThatThrownBy(s::requireRemovable).hasMessageContaining("不能删除该旁听安排");
    }

    @Test
    void observationComesAfterApprovalOnOrAfterTheSessionDayAndWeighsTheScores() {
        assertThatThrownBy(() -> submitted().observe("记录", ratings(), SESSION)).hasMessage("学习方案审核通过后才能登记旁听情况");
        SupervisionVisit v = approved();
        assertThatThrownBy(() -> v.observe("记录", ratings(), SESSION.minusDays(1)))
                .hasMessage("旁听情况须在学习当天（2025-06-19）或之后登记");
        assertThatThrownBy(() -> v.observe(" ", ratings(), SESSION)).hasMessage("请填写现场旁听记录");
        v.observe("记录", ratings(), SESSION);
        assertThat(v.stage()).isEqualTo(VisitStage.OBSERVED);
        // (90 × 40 + 75 × 60) / 100 = 81.0
        assertThat(v.weightedScore()).isEqualByComparingTo(new BigDecimal("81.0"));
        assertThatThrownBy(() -> v.observe("记录", ratings(), SESSION)).hasMessage("当前环节为“已旁听”，不能再登记旁听情况");
    }

    @Test
    void aScoreIsBetweenZeroAndAHundred() {
        assertThatThrownBy(() -> new Rating("研讨质量", 50, 101)).hasMessage("“研讨质量”的评分须在0到100之间");
        assertThatThrownBy(() -> new Rating("研讨质量", 50, null)).hasMessage("请为“研讨质量”评分");
        assertThat(SupervisionVisit.weighted(List.of(new Rating("a", 1, 80), new Rating("b", 2, 91))))
                .isEqualByComparingTo(new BigDecimal("87.3"));
    }

    @Test
    void summaryHasThreePartsOfAtMostFiveHundredCharactersTogether() {
        assertThatThrownBy(() -> approved().summarise("a", "b", "c", SESSION, SUMMARY_DUE))
                .hasMessage("登记旁听情况后才能填写小结");
        SupervisionVisit v = observed();
        assertThatThrownBy(() -> v.summarise("总体", " ", "问题", SESSION, SUMMARY_DUE))
                .hasMessage("请填写小结的“特色亮点”");
        String twoHundred = "很".repeat(200);
        assertThatThrownBy(() -> v.summarise(twoHundred, twoHundred, "问题" + "题".repeat(99), SESSION, SUMMARY_DUE))
                .hasMessage("小结三部分合计不能超过500字（现为501字）");
        assertThat(v.stage()).isEqualTo(VisitStage.OBSERVED);
        v.summarise(twoHundred, twoHundred, "题".repeat(100), SESSION.plusDays(3), SUMMARY_DUE);
        assertThat(v.stage()).isEqualTo(VisitStage.SUMMARISED);
        assertThat(v.stage().isCompleted()).isTrue();
        assertThat(v.isSummaryLate()).isFalse();
        assertThatThrownBy(() -> v.summarise("a", "b", "c", SESSION, SUMMARY_DUE))
                .hasMessage("当前环节为“已小结”，小结已提交");
    }

    @Test
    void aLateSummaryIsAcceptedAndFlagged() {
        SupervisionVisit v = observed();
        v.summarise("总体", "亮点", "问题", SUMMARY_DUE.plusDays(1), SUMMARY_DUE);
        assertThat(v.stage()).isEqualTo(VisitStage.SUMMARISED);
        assertThat(v.isSummaryLate()).isTrue();
    }

    @Test
    void rectificationItemsComeAfterTheSummaryAndBeforeClosing() {
        assertThatThrownBy(() -> observed().requireOpenForRectification()).hasMessage("提交小结后才能提出整改事项");
        SupervisionVisit v = summarised();
        v.requireOpenForRectification();
        assertThatThrownBy(() -> v.close(false, SUMMARY_DUE)).hasMessage("还有整改事项未销号或撤销，不能办结");
        v.close(true, SUMMARY_DUE);
        assertThat(v.stage()).isEqualTo(VisitStage.CLOSED);
        assertThat(v.closedOn()).isEqualTo(SUMMARY_DUE);
        assertThatThrownBy(v::requireOpenForRectification).hasMessage("该次旁听已办结，不能再提出整改事项");
        assertThatThrownBy(() -> v.close(true, SUMMARY_DUE)).hasMessage("该次旁听已办结");
        assertThatThrownBy(() -> observed().close(true, SUMMARY_DUE)).hasMessage("提交小结后才能办结");
    }

    @Test
    void stagesMapToTheThreeStepsAndCompletion() {
        assertThat(VisitStage.RETURNED.step()).isEqualTo(1);
        assertThat(VisitStage.APPROVED.step()).isEqualTo(2);
        assertThat(VisitStage.OBSERVED.step()).isEqualTo(3);
        assertThat(VisitStage.CLOSED.step()).isEqualTo(4);
        assertThat(VisitStage.OBSERVED.isCompleted()).isFalse();
        assertThat(VisitStage.CLOSED.isCompleted()).isTrue();
    }
}
