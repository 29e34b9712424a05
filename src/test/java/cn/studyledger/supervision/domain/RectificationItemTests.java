package cn.studyledger.supervision.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.supervision.RectificationState;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A rectification item: open until the unit reports it done with evidence; then the observers close it (销号) or
 * send it back; an open one may be cancelled. Resolved = closed or cancelled.
 */
class RectificationItemTests {

    final LocalDate raised = LocalDate.of(2025, 6, 27);
    final LocalDate due = LocalDate.of(2025, 9, 30);
    final LocalDate today = LocalDate.of(2025, 10, 10);

    RectificationItem item() {
        return new RectificationItem(1, "制定学用转化清单", 5, due, raised);
    }

    @Test
    void anItemCannotBeDueBeforeItIsRaised() {
        assertThatThrownBy(() -> new RectificationItem(1, "清单", 5, raised.minusDays(1), raised))
                .hasMessage("整改时限不能早于提出日期（2025-06-27）");
        assertThat(item().state()).isEqualTo(RectificationState.OPEN);
    }

    @Test
    void theUnitReportsItDoneAndTheObserversCloseIt() {
        RectificationItem r = item();
        assertThat(r.isOverdue(today)).isTrue();
        assertThatThrownBy(() -> r.close(today, "张伟")).hasMessage("单位报送整改完成情况后才能销号");
        r.complete("清单已印发", null, today, today);
        assertThat(r.state()).isEqualTo(RectificationState.AWAITING_CLOSURE);
        assertThat(r.isOverdue(today)).isFalse();
        assertThat(r.isResolved()).isFalse();
        r.close(today, "张伟");
        assertThat(r.state()).isEqualTo(RectificationState.CLOSED);
        assertThat(r.isResolved()).isTrue();
        assertThat(r.closedBy()).isEqualTo("张伟");
        assertThatThrownBy(() -> r.close(today, "张伟")).hasMessage("该整改事项已销号");
        assertThatThrownBy(() -> r.sendBack("不充分")).hasMessage("该整改事项已销号，不能退回");
    }

    @Test
    void workSentBackIsOpenAgainWithTheReason() {
        RectificationItem r = item();
        r.complete("清单已印发", null, today, today);
        assertThatThrownBy(() -> r.sendBack(" ")).hasMessage("退回整改须说明理由");
        r.sendBack("清单未明确责任人");
        assertThat(r.state()).isEqualTo(RectificationState.OPEN);
        assertThat(r.returnComment()).isEqualTo("清单未明确责任人");
        assertThat(r.isOverdue(today)).isTrue();
        r.complete("补充责任人后重新印发", null, today, today);
        assertThat(r.returnComment()).isNull();
    }

    @Test
    void anOpenItemCanBeCancelledWithAReasonAndIsThenResolved() {
        RectificationItem r = item();
        assertThatThrownBy(() -> r.cancel(" ", today)).hasMessage("撤销整改事项须说明原因");
        r.cancel("并入年度计划", today);
        assertThat(r.state()).isEqualTo(RectificationState.CANCELLED);
        assertThat(r.isResolved()).isTrue();
        assertThatThrownBy(() -> r.complete("已整改", null, today, today)).hasMessage("该整改事项已撤销，不能办结");
    }
}
