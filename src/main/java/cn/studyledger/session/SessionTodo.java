package cn.studyledger.session;

/**
 * What needs doing about sessions, for the home page.
 *
 * @param plannedThisMonth planned sessions of the organisation in the current month
 * @param unrecordedPastSessions planned sessions whose date has passed but that are not marked held
 * @param plansAwaitingLeader 学习方案 submitted and waiting for the 组长
 * @param leavesAwaitingLeader leave requests waiting for the 组长
 * @param myOpenMakeUps make-up studies the current person still owes
 */
public record SessionTodo(
        long plannedThisMonth,
        long unrecordedPastSessions,
        long plansAwaitingLeader,
        long leavesAwaitingLeader,
        long myOpenMakeUps) {}
