package cn.studyledger.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The shared lifecycle of follow-up tasks and rectification items: OPEN → DONE (evidence) | CANCELLED (reason),
 * DONE → OPEN when not accepted; overdue derived; messages name the item as its users know it.
 */
class TrackedTests {

    static final String NOUN = "整改事项";
    final LocalDate due = LocalDate.of(2025, 9, 30);
    final LocalDate today = LocalDate.of(2025, 10, 20);

    @Test
    void newItemIsOpenWithItsOwnerAndDueDate() {
        Tracked t = Tracked.open(7, due);
        assertThat(t.status()).isEqualTo(TrackingStatus.OPEN);
        assertThat(t.ownerPersonId()).isEqualTo(7);
        assertThat(t.dueOn()).isEqualTo(due);
        assertThatThrownBy(() -> Tracked.open(7, null)).hasMessage("请填写完成时限");
    }

    @Test
    void overdueIsOpenAndPastTheDueDateOnly() {
        Tracked t = Tracked.open(7, due);
        assertThat(t.isOverdue(due)).as("on the due date").isFalse();
        assertThat(t.isOverdue(today)).isTrue();
        assertThat(t.daysOverdue(today)).isEqualTo(20);
        t.complete(NOUN, "已整改", null, today, today);
        assertThat(t.isOverdue(today)).isFalse();
        assertThat(t.daysOverdue(today)).isZero();
        assertThat(t.isDoneOnTime()).isFalse();
    }

    @Test
    void completingNeedsEvidenceAndADateNotInTheFutureAndNamesTheItem() {
        Tracked t = Tracked.open(7, due);
        assertThatThrownBy(() -> t.complete(NOUN, " ", null, due, today))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("办结整改事项须填写落实情况说明（佐证材料）");
        assertThatThrownBy(() -> t.complete(NOUN, "已整改", null, today.plusDays(1), today))
                .hasMessage("办结日期不能晚于今天");
        t.complete(NOUN, " 已整改 ", 5L, due, today);
        assertThat(t.status()).isEqualTo(TrackingStatus.DONE);
        assertThat(t.evidence()).isEqualTo("已整改");
        assertThat(t.evidenceFileId()).isEqualTo(5L);
        assertThat(t.isDoneOnTime()).isTrue();
        assertThatThrownBy(() -> t.complete(NOUN, "再次", null, due, today)).hasMessage("该整改事项已办结，不能重复办结");
        assertThatThrownBy(() -> t.cancel(NOUN, "不需要", today)).hasMessage("该整改事项已办结，不能撤销");
    }

    @Test
    void cancellingNeedsAReasonAndEndsTheItem() {
        Tracked t = Tracked.open(7, due);
        assertThatThrownBy(() -> t.cancel(NOUN, "", today)).hasMessage("撤销整改事项须说明原因");
        t.cancel(NOUN, "并入年度计划", today);
        assertThat(t.status()).isEqualTo(TrackingStatus.CANCELLED);
        assertThat(t.cancelledOn()).isEqualTo(today);
        assertThat(t.isOverdue(today)).isFalse();
        assertThatThrownBy(() -> t.complete(NOUN, "已整改", null, due, today)).hasMessage("该整改事项已撤销，不能办结");
        assertThatThrownBy(() -> t.replan(NOUN, 8, due)).hasMessage("整改事项已撤销，不能再修改");
    }

    @Test
    void workNotAcceptedIsOpenAgainAndOverdueAgain() {
        Tracked t = Tracked.open(7, due);
        assertThatThrownBy(() -> t.reopen(NOUN)).hasMessage("只有已办结的整改事项才能退回重办");
        t.complete(NOUN, "已整改", null, due, today);
        t.reopen(NOUN);
        assertThat(t.status()).isEqualTo(TrackingStatus.OPEN);
        assertThat(t.doneOn()).isNull();
        assertThat(t.isOverdue(today)).isTrue();
    }

    @Test
    void onlyAnOpenItemIsReplanned() {
        Tracked t = Tracked.open(7, due);
        t.replan(NOUN, 8, due.plusMonths(1));
        assertThat(t.ownerPersonId()).isEqualTo(8);
        assertThat(t.dueOn()).isEqualTo(due.plusMonths(1));
        t.complete(NOUN, "已整改", null, today, today);
        assertThatThrownBy(() -> t.replan(NOUN, 9, due)).hasMessage("整改事项已办结，不能再修改");
    }
}
