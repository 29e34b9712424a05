package cn.studyledger.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.plan.PlanAction;
import cn.studyledger.plan.PlanStatus;
import cn.studyledger.session.SessionFormat;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The life of an annual plan: which transitions are allowed, and what each refusal tells the user. */
class AnnualPlanTests {

    static final AnnualPlan.Actor CLERK = new AnnualPlan.Actor("clerk", "吴晓东");
    static final AnnualPlan.Actor LEADER = new AnnualPlan.Actor("leader", "王建国");
    static final LocalDateTime NOW = LocalDateTime.of(2025, 1, 6, 10, 0);

    static AnnualPlan.Line line(int month, String topic) {
        return new AnnualPlan.Line(null, month, topic, SessionFormat.COLLECTIVE, null, null);
    }

    static AnnualPlan filledDraft() {
        AnnualPlan plan = new AnnualPlan(1, 2025);
        plan.describeThemes(List.of("学习贯彻习近平新时代中国特色社会主义思想", " ", "习近平生态文明思想"));
        plan.addArrangement(line(3, "传达学习全国两会精神"));
        return plan;
    }

    static AnnualPlan submitted() {
        AnnualPlan plan = filledDraft();
        plan.submit(CLERK, NOW);
        return plan;
    }

    static AnnualPlan approved() {
        AnnualPlan plan = submitted();
        plan.approve(LEADER, NOW.plusDays(2), "同意");
        return plan;
    }

    static void refused(Runnable action, String message) {
        assertThatThrownBy(action::run)
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage(message);
    }

    @Test
    void whoeverSubmittedThePlanCannotApproveOrReturnIt() {
        AnnualPlan plan = filledDraft();
        plan.submit(LEADER, NOW);
        refused(() -> plan.approve(LEADER, NOW, "同意"), "不能审批本人提交的学习计划，须由他人审批");
        refused(() -> plan.sendBack(LEADER, NOW, "再改改"), "不能审批本人提交的学习计划，须由他人审批");
        assertThat(plan.status()).isEqualTo(PlanStatus.SUBMITTED);
        plan.approve(new AnnualPlan.Actor("leader2", "李明华"), NOW, "同意");
        assertThat(plan.status()).isEqualTo(PlanStatus.APPROVED);
    }

    @Test
    void newPlanIsTheFirstRevisionInDraftAndDropsBlankThemes() {
        AnnualPlan plan = filledDraft();
        assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(plan.revision()).isEqualTo(1);
        assertThat(plan.themes()).containsExactly("学习贯彻习近平新时代中国特色社会主义思想", "习近平生态文明思想");
    }

    @Test
    void planWithoutThemeCannotBeSubmitted() {
        AnnualPlan plan = new AnnualPlan(1, 2025);
        plan.addArrangement(line(1, "集体学习"));
        refused(() -> plan.submit(CLERK, NOW), "请至少填写一个学习专题后再提交");
        assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void planWithoutArrangementCannotBeSubmitted() {
        AnnualPlan plan = new AnnualPlan(1, 2025);
        plan.describeThemes(List.of("专题"));
        refused(() -> plan.submit(CLERK, NOW), "请至少填写一项月度安排后再提交");
    }

    @Test
    void submittingRecordsWhoAndWhen() {
        AnnualPlan plan = submitted();
        assertThat(plan.status()).isEqualTo(PlanStatus.SUBMITTED);
        PlanDecision line = plan.decisions().get(0);
        assertThat(line.action()).isEqualTo(PlanAction.SUBMIT);
        assertThat(line.actorName()).isEqualTo("吴晓东");
        assertThat(line.decidedAt()).isEqualTo(NOW);
    }

    @Test
    void submittedPlanCannotBeEditedOrSubmittedAgain() {
        AnnualPlan plan = submitted();
        String message = "学习计划已提交，正在等待组长审批，不能修改";
        refused(() -> plan.describeThemes(List.of("新专题")), message);
        refused(() -> plan.addArrangement(line(5, "新安排")), message);
        refused(() -> plan.replaceContent(List.of("新专题"), List.of()), message);
        refused(() -> plan.submit(CLERK, NOW), "学习计划已提交，正在等待组长审批");
        refused(() -> plan.revise(CLERK, NOW), "只有已批准的学习计划可以修订，当前状态：待审批");
    }

    @Test
    void draftCannotBeApprovedOrReturned() {
        AnnualPlan plan = filledDraft();
        refused(() -> plan.approve(LEADER, NOW, null), "只有已提交待审批的学习计划可以批准，当前状态：草稿");
        refused(() -> plan.sendBack(LEADER, NOW, "请补充"), "只有已提交待审批的学习计划可以退回，当前状态：草稿");
        refused(() -> plan.revise(CLERK, NOW), "只有已批准的学习计划可以修订，当前状态：草稿");
    }

    @Test
    void approvalRecordsTheLeaderAndAnOptionalComment() {
        AnnualPlan plan = submitted();
        plan.approve(LEADER, NOW.plusDays(2), "  ");
        assertThat(plan.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(plan.approvedAt()).contains(NOW.plusDays(2));
        PlanDecision approval = plan.decisions().get(1);
        assertThat(approval.action()).isEqualTo(PlanAction.APPROVE);
        assertThat(approval.actorUsername()).isEqualTo("leader");
        assertThat(approval.comment()).isNull();
    }

    @Test
    void returningNeedsACommentAndTooLongCommentsAreRefused() {
        AnnualPlan plan = submitted();
        refused(() -> plan.sendBack(LEADER, NOW, null), "退回学习计划时请填写修改意见");
        refused(() -> plan.sendBack(LEADER, NOW, "   "), "退回学习计划时请填写修改意见");
        refused(() -> plan.approve(LEADER, NOW, "意".repeat(501)), "审批意见最长500字");
        assertThat(plan.status()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(plan.decisions()).hasSize(1);
    }

    @Test
    void returnedPlanCanBeEditedAndSubmittedAgain() {
        AnnualPlan plan = submitted();
        plan.sendBack(LEADER, NOW.plusDays(1), "请增加一次现场教学");
        assertThat(plan.status()).isEqualTo(PlanStatus.RETURNED);
        assertThat(plan.decisions().get(1).comment()).isEqualTo("请增加一次现场教学");
        refused(() -> plan.approve(LEADER, NOW, null), "只有已提交待审批的学习计划可以批准，当前状态：已退回");

        plan.addArrangement(line(5, "赴红色教育基地开展现场教学"));
        plan.submit(CLERK, NOW.plusDays(2));

        assertThat(plan.status()).isEqualTo(PlanStatus.SUBMITTED);
        assertThat(plan.arrangements()).extracting(Arrangement::month).containsExactly(3, 5);
        assertThat(plan.decisions())
                .extracting(PlanDecision::action)
                .containsExactly(PlanAction.SUBMIT, PlanAction.RETURN, PlanAction.SUBMIT);
    }

    @Test
    void approvedPlanIsReadOnly() {
        AnnualPlan plan = approved();
        String message = "已批准的学习计划不能修改，如需调整请“修订”生成新版本";
        refused(() -> plan.describeThemes(List.of("新专题")), message);
        refused(() -> plan.addArrangement(line(5, "新安排")), message);
        refused(() -> plan.replaceContent(List.of("新专题"), List.of(line(1, "x"))), message);
        refused(() -> plan.submit(CLERK, NOW), "学习计划已批准，不能再次提交");
        refused(() -> plan.approve(LEADER, NOW, null), "只有已提交待审批的学习计划可以批准，当前状态：已批准");
        refused(() -> plan.sendBack(LEADER, NOW, "再改改"), "只有已提交待审批的学习计划可以退回，当前状态：已批准");
        assertThat(plan.themes()).doesNotContain("新专题");
        assertThat(plan.arrangements()).hasSize(1);
    }

    @Test
    void revisingMakesRevisionTwoAsADraftCopyAndKeepsRevisionOneApproved() {
        AnnualPlan plan = approved();
        plan.arrangements().get(0).linkSessions(List.of(11L, 12L));

        AnnualPlan next = plan.revise(CLERK, NOW.plusMonths(3));

        assertThat(next.revision()).isEqualTo(2);
        assertThat(next.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(next.year()).isEqualTo(2025);
        assertThat(next.themes()).containsExactlyElementsOf(plan.themes());
        assertThat(next.arrangements()).hasSize(1);
        Arrangement copy = next.arrangements().get(0);
        assertThat(copy).isNotSameAs(plan.arrangements().get(0));
        assertThat(copy.topic()).isEqualTo("传达学习全国两会精神");
        assertThat(copy.sessionIds()).containsExactlyInAnyOrder(11L, 12L);
        assertThat(next.decisions()).extracting(PlanDecision::action).containsExactly(PlanAction.REVISE);

        assertThat(plan.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(plan.revision()).isEqualTo(1);
        assertThat(plan.decisions())
                .extracting(PlanDecision::action)
                .containsExactly(PlanAction.SUBMIT, PlanAction.APPROVE);

        next.describeThemes(List.of("修订后的专题"));
        assertThat(plan.themes()).doesNotContain("修订后的专题");
    }

    @Test
    void sessionsCanBeLinkedToAnApprovedPlan() {
        AnnualPlan plan = approved();
        Arrangement arrangement = plan.arrangements().get(0);
        arrangement.linkSessions(List.of(7L));
        arrangement.linkSessions(List.of(8L, 9L));
        assertThat(arrangement.sessionIds()).containsExactly(8L, 9L);
    }
}
