package cn.studyledger.rules.domain;

import static cn.studyledger.rules.domain.RuleChecks.DAYS;
import static cn.studyledger.rules.domain.RuleChecks.HELD;
import static cn.studyledger.rules.domain.RuleChecks.PRESENT;
import static cn.studyledger.rules.domain.RuleChecks.held;
import static cn.studyledger.rules.domain.RuleChecks.num;
import static cn.studyledger.rules.domain.RuleChecks.session;
import static cn.studyledger.rules.domain.RuleChecks.sessionUrl;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.report.Finding;
import cn.studyledger.rules.domain.RuleChecks.Check;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.AttendeeRole;
import cn.studyledger.session.SessionFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The rules on how often and how long the group meets, attendance, and leave with make-up study. */
final class SessionChecks {

    private SessionChecks() {}

    static Optional<Finding> sessionCount(Check c) {
        RuleFacts f = c.facts();
        List<Evidence> held = f.figure(HELD).evidence();
        List<String> thin = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            LocalDate end = LocalDate.of(f.year(), q * 3, 1).plusMonths(1).minusDays(1);
            if (!f.today().isAfter(end)) {
                continue;
            }
            int quarter = q;
            long n = held.stream()
                    .filter(s -> (s.date().getMonthValue() - 1) / 3 + 1 == quarter)
                    .count();
            if (n < c.int2()) {
                thin.add(QUARTERS[q - 1] + n + "次");
            }
        }
        boolean yearShort = f.yearOver() && held.size() < c.int1();
        if (!yearShort && thin.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        parts.add(c.asOf() + "全年举行集中学习" + held.size() + "次" + (yearShort ? "，少于" + c.p1() + "次" : ""));
        if (!thin.isEmpty()) {
            parts.add(String.join("、", thin) + "，少于每季度" + c.p2() + "次");
        }
        String finding = String.join("；", parts);
        String problem = "集中学习的频次和连续性还不够，" + f.year() + "年中心组" + c.asOf() + "举行集中学习" + held.size() + "次"
                + (yearShort ? "，未达到全年不少于" + c.p1() + "次的要求" : "")
                + (thin.isEmpty() ? "" : "，" + String.join("、", thin) + "，未做到每季度不少于" + c.p2() + "次")
                + "，学习的经常性有待加强。";
        String next = "严格执行年度学习计划，坚持每季度至少安排" + c.p2() + "次、全年不少于" + c.p1() + "次集中学习，推动中心组学习常态化、制度化。";
        return c.found(finding, problem, next, held);
    }

    static final String[] QUARTERS = {"第一季度", "第二季度", "第三季度", "第四季度"};

    static Optional<Finding> sessionLength(Check c) {
        List<SessionFacts> short_ = held(c.facts()).stream()
                .filter(s -> s.durationHours() != null && s.durationHours().compareTo(c.param1()) < 0)
                .toList();
        if (short_.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal shortest = short_.stream()
                .map(SessionFacts::durationHours)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        String finding = short_.size() + "次集中学习时长不足" + c.p1() + "小时（最短" + num(shortest) + "小时）";
        String problem = "集中学习的时间保障还不够充分，全年有" + short_.size() + "次集中学习时长不足" + c.p1() + "小时，原原本本学习和深入交流研讨的时间受到压缩。";
        String next = "统筹安排工作与学习，保证每次集中学习时间不少于" + c.p1() + "小时，留足通读原文、交流研讨的时间。";
        return c.found(
                finding,
                problem,
                next,
                short_.stream()
                        .map(s -> session(s, "时长" + num(s.durationHours()) + "小时"))
                        .toList());
    }

    /**
     * The days of collective study of the year (the figure sessions.days, each held session counted as half a day or a
     * whole day by its length), judged once the year is over; the finding cites every held session with its share.
     */
    static Optional<Finding> sessionDays(Check c) {
        RuleFacts f = c.facts();
        FigureResult figure = f.figure(DAYS);
        if (!f.yearOver() || !figure.hasValue()) {
            return Optional.empty();
        }
        BigDecimal days = new BigDecimal(String.valueOf(figure.value()));
        if (days.compareTo(c.param1()) >= 0) {
            return Optional.empty();
        }
        int sessions = figure.evidence().size();
        String finding = "全年举行集中学习" + sessions + "次，折合" + num(days) + "天，少于" + c.p1() + "天";
        String problem = "集中学习的时间投入还不够充分，" + f.year() + "年中心组举行集中学习" + sessions + "次、折合" + num(days) + "天，未达到全年集中学习不少于"
                + c.p1() + "天的要求，系统学习、深入研讨的时间还不够。";
        String next = "统筹安排工作与学习，适当安排半天以上的集中学习和读书班，保证全年集中学习不少于" + c.p1() + "天。";
        return c.found(finding, problem, next, figure.evidence());
    }

    static Optional<Finding> presentRate(Check c) {
        FigureResult figure = c.facts().figure(PRESENT);
        if (!figure.hasValue()) {
            return Optional.empty();
        }
        long expected = figure.denominator();
        long present = figure.numerator();
        BigDecimal rate = (BigDecimal) figure.value();
        if (rate.compareTo(c.param1()) >= 0) {
            return Optional.empty();
        }
        String finding = "应出席" + expected + "人次，实际出席" + present + "人次，出勤率" + num(rate) + "%";
        String problem = "个别成员参加集中学习不够经常，全年中心组成员应出席" + expected + "人次、实际出席" + present + "人次，出勤率为" + num(rate) + "%，低于"
                + c.p1() + "%的要求，工学矛盾仍然存在。";
        String next = "严格执行考勤和请假报批制度，合理安排学习时间，确保中心组成员集中学习出勤率不低于" + c.p1() + "%。";
        return c.found(finding, problem, next, figure.complement());
    }

    static Optional<Finding> leaveMakeUp(Check c) {
        RuleFacts f = c.facts();
        int days = c.int1();
        long leaves = 0;
        int unapproved = 0;
        int open = 0;
        int late = 0;
        List<Evidence> evidence = new ArrayList<>();
        for (SessionFacts s : held(f)) {
            for (SessionFacts.Attendee a : s.attendees()) {
                if (a.role() != AttendeeRole.MEMBER || a.status() != AttendanceStatus.LEAVE) {
                    continue;
                }
                leaves++;
                List<String> wrong = new ArrayList<>();
                boolean approved = s.leaves().stream()
                        .anyMatch(
                                l -> l.personId() == a.personId() && l.status().inEffect());
                if (!approved) {
                    unapproved++;
                    wrong.add("请假未经组长批准");
                }
                LocalDate due = s.date().plusDays(days);
                if (a.makeUpDoneOn() == null && f.today().isAfter(due)) {
                    open++;
                    wrong.add("补学逾期未完成（应于" + due + "前完成）");
                } else if (a.makeUpDoneOn() != null && a.makeUpDoneOn().isAfter(due)) {
                    late++;
                    wrong.add(a.makeUpDoneOn() + "补学，超过" + days + "天");
                }
                if (!wrong.isEmpty()) {
                    evidence.add(new Evidence(
                            "请假",
                            s.id(),
                            s.date(),
                            f.name(a.personId()) + " · " + s.title(),
                            String.join("；", wrong),
                            null,
                            sessionUrl(s)));
                }
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (open > 0) {
            parts.add(open + "人次补学逾期未完成");
        }
        if (late > 0) {
            parts.add(late + "人次超过" + days + "天才补学");
        }
        if (unapproved > 0) {
            parts.add(unapproved + "人次请假未经组长批准");
        }
        String finding = "成员请假" + leaves + "人次，其中" + String.join("、", parts);
        String problem = "请假补学制度落实还不够到位，全年中心组成员请假" + leaves + "人次，其中" + String.join("、", parts) + "，缺学内容未能及时补齐。";
        String next = "严格落实请假报批和补学制度，成员请假须经组长批准，缺学内容在" + days + "天内补学并登记备查。";
        return c.found(finding, problem, next, evidence);
    }
}
