package cn.studyledger.firsttopic.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.firsttopic.TaskStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The follow-up task's lifecycle: OPEN → DONE (with evidence) | CANCELLED (with a reason); overdue is derived. */
class FollowUpTaskTests {

    final LocalDate assigned = LocalDate.of(2025, 4, 17);
    final LocalDate due = LocalDate.of(2025, 6, 30);
    final LocalDate today = LocalDate.of(2025, 8, 1);

    FollowUpTask task() {
        return new FollowUpTask(1, 2, "制定年度行动方案", 3, due, assigned);
    }

    @Test
    void newTaskIsOpen() {
        assertThat(task().status()).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    void completingNeedsAWrittenAccountOfWhatWasDone() {
        FollowUpTask t = task();
        assertThatThrownBy(() -> t.complete("  ", null, due, today))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("办结任务须填写落实情况说明（佐证材料）");
        assertThatThrownBy(() -> t.complete(null, null, due, today)).hasMessageContaining("落实情况说明");
        assertThat(t.status()).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    void completingNeedsADateThatIsNotInTheFuture() {
        FollowUpTask t = task();
        assertThatThrownBy(() -> t.complete("已完成", null, null, today)).hasMessage("请填写办结日期");
        assertThatThrownBy(() -> t.complete("已完成", null, today.plusDays(1), today))
                .hasMessage("办结日期不能晚于今天");
    }

    @Test
    void completedTaskKeepsItsEvidenceAndIsOnTimeWhenDoneByTheDueDate() {
        FollowUpTask t = task();
        t.complete(" 方案已印发 ", 42L, due, today);
        assertThat(t.status()).isEqualTo(TaskStatus.DONE);
        assertThat(t.evidence()).isEqualTo("方案已印发");
        assertThat(t.evidenceFileId()).isEqualTo(42L);
        assertThat(t.doneOn()).isEqualTo(due);
        assertThat(t.isDoneOnTime()).isTrue();
        assertThat(t.isOverdue(today)).isFalse();
    }

    @Test
    void taskDoneAfterItsDueDateIsDoneButNotOnTime() {
        FollowUpTask t = task();
        t.complete("已完成", null, due.plusDays(15), today);
        assertThat(t.status()).isEqualTo(TaskStatus.DONE);
        assertThat(t.isDoneOnTime()).isFalse();
    }

    @Test
    void doneTaskCannotBeCancelledNorCompletedAgain() {
        FollowUpTask t = task();
        t.complete("已完成", null, due, today);
        assertThatThrownBy(() -> t.cancel("不再需要", today))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("该任务已办结，不能撤销");
        assertThatThrownBy(() -> t.complete("再次办结", null, due, today)).hasMessage("该任务已办结，不能重复办结");
        assertThat(t.status()).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void cancellingNeedsAReasonAndEndsTheTask() {
        FollowUpTask t = task();
        assertThatThrownBy(() -> t.cancel(" ", today)).hasMessage("撤销任务须说明原因");
        t.cancel("上级调整部署，任务并入年度方案", today);
        assertThat(t.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(t.cancelledOn()).isEqualTo(today);
        assertThatThrownBy(() -> t.complete("已完成", null, due, today)).hasMessage("该任务已撤销，不能办结");
        assertThatThrownBy(() -> t.cancel("再次撤销", today)).hasMessage("该任务已撤销");
    }

    @Test
    void onlyOpenTasksPastTheirDueDateAreOverdue() {
        FollowUpTask open = task();
        assertThat(open.isOverdue(due)).as("due today").isFalse();
        assertThat(open.isOverdue(due.plusDays(1))).isTrue();
        assertThat(open.daysOverdue(due.plusDays(10))).isEqualTo(10);
        assertThat(open.daysOverdue(due)).isZero();

        FollowUpTask cancelled = task();
        cancelled.cancel("不再需要", today);
        assertThat(cancelled.isOverdue(today)).isFalse();

        FollowUpTask lateButDone = task();
        lateButDone.complete("已完成", null, today, today);
        assertThat(lateButDone.isOverdue(today)).isFalse();
    }

    @Test
    void taskCannotBeDueBeforeItWasAssigned() {
        assertThatThrownBy(() -> new FollowUpTask(1, 2, "任务", 3, assigned.minusDays(1), assigned))
                .hasMessageContaining("完成时限不能早于部署日期");
    }

    @Test
    void onlyAnOpenTaskCanBeReplanned() {
        FollowUpTask t = task();
        t.replan("修改后的任务", 5, due.plusMonths(1), assigned);
        assertThat(t.ownerPersonId()).isEqualTo(5);
        assertThat(t.dueOn()).isEqualTo(due.plusMonths(1));
        t.complete("已完成", null, due, today);
        assertThatThrownBy(() -> t.replan("再改", 5, due, assigned)).hasMessage("任务已办结，不能再修改");
    }
}
