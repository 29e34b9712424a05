package cn.studyledger.rules.domain;

import cn.studyledger.common.time.OfficeTime;
import cn.studyledger.firsttopic.FirstTopicItemSummary;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.Evidence;
import cn.studyledger.report.Finding;
import cn.studyledger.selfstudy.WritingSummary;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AttendanceStatus;
import cn.studyledger.session.AttendeeRole;
import cn.studyledger.session.SessionFacts;
import cn.studyledger.session.SpeechKind;
import cn.studyledger.session.StudyPlanStatus;
import cn.studyledger.supervision.VisitSummary;
import cn.studyledger.tracking.OverdueItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The evaluation of each rule over an organisation's year ({@link RuleFacts}): whether it is broken, what was
 * found (with the numbers), the sentences proposed for the annual report's 三、存在的问题与不足 and
 * 四、下一步工作打算, and the records that show it. Only numbers counted from the records are written.
 *
 * <p>Annual minimums (sessions a year, each member's key speech and writing, every unit visited) are judged once the
 * year is over; a quarter's minimum once the quarter is over; everything else as soon as it happens. Nothing is
 * judged for a year that has not begun, nor for a year in which the organisation has no central group (its ledger
 * does not cover that year).
 */
final class RuleChecks {

    private RuleChecks() {}

    /** The rule's finding, or empty when the records keep it (or it cannot be judged yet). */
    static Optional<Finding> check(
            RuleDefinition rule, BigDecimal param1, BigDecimal param2, String source, RuleFacts facts) {
        if (!facts.yearBegun() || facts.members().isEmpty()) {
            return Optional.empty();
        }
        Check c = new Check(rule, rule.text(param1, param2), source, facts, param1, param2);
        switch (rule) {
            case SESSION_COUNT:
                return sessionCount(c);
            case SESSION_LENGTH:
                return sessionLength(c);
            case PRESENT_RATE:
                return presentRate(c);
            case LEAVE_MAKE_UP:
                return leaveMakeUp(c);
            case FIRST_TOPIC_PER_SESSION:
                return firstTopicPerSession(c);
            case FIRST_TOPIC_TIMELINESS:
                return firstTopicTimeliness(c);
            case KEY_SPEECHES_PER_SESSION:
                return keySpeechesPerSession(c);
            case KEY_SPEECHES_PER_MEMBER:
                return keySpeechesPerMember(c);
            case WRITINGS_PER_MEMBER:
                return writingsPerMember(c);
            case PLAN_APPROVED_FIRST:
                return planApprovedFirst(c);
            case STUDY_PLAN_APPROVED:
                return studyPlanApproved(c);
            case UNITS_VISITED:
                return unitsVisited(c);
            case VISIT_SUMMARY_IN_TIME:
                return visitSummaryInTime(c);
            case NOTHING_OVERDUE:
                return nothingOverdue(c);
            case ADOPTION_RATE:
                return adoptionRate(c);
            default:
                throw new IllegalArgumentException(rule.key());
        }
    }

    /** One rule being checked: its definition, text, source, thresholds and the facts. */
    private record Check(
            RuleDefinition rule, String text, String source, RuleFacts facts, BigDecimal param1, BigDecimal param2) {

        int int1() {
            return param1.setScale(0, RoundingMode.CEILING).intValueExact();
        }

        int int2() {
            return param2.setScale(0, RoundingMode.FLOOR).intValueExact();
        }

        String p1() {
            return RuleDefinition.Param.format(param1);
        }

        String p2() {
            return RuleDefinition.Param.format(param2);
        }

        Optional<Finding> found(String finding, String problem, String nextStep, List<Evidence> evidence) {
            return Optional.of(new Finding(rule.key(), text, source, finding, problem, nextStep, evidence));
        }

        /** "截至2026年11月25日，" while the year is still running, else nothing. */
        String asOf() {
            return facts.yearOver() ? "" : "截至" + day(facts.today()) + "，";
        }
    }

    // ---- sessions ----

    private static Optional<Finding> sessionCount(Check c) {
        RuleFacts f = c.facts();
        List<SessionFacts> held = held(f);
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
        return c.found(
                finding,
                problem,
                next,
                held.stream().map(s -> session(s, s.format().label())).toList());
    }

    private static final String[] QUARTERS = {"第一季度", "第二季度", "第三季度", "第四季度"};

    private static Optional<Finding> sessionLength(Check c) {
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

    private static Optional<Finding> presentRate(Check c) {
        RuleFacts f = c.facts();
        long expected = 0;
        long present = 0;
        List<Evidence> missed = new ArrayList<>();
        for (SessionFacts s : held(f)) {
            for (SessionFacts.Attendee a : s.attendees()) {
                if (a.role() != AttendeeRole.MEMBER) {
                    continue;
                }
                expected++;
                if (a.status() == AttendanceStatus.PRESENT) {
                    present++;
                } else {
                    missed.add(new Evidence(
                            "考勤",
                            s.id(),
                            s.date(),
                            f.name(a.personId()) + " · " + s.title(),
                            a.status() == null ? "考勤未登记" : a.status().label(),
                            null,
                            sessionUrl(s)));
                }
            }
        }
        if (expected == 0) {
            return Optional.empty();
        }
        BigDecimal rate = percent(present, expected);
        if (rate.compareTo(c.param1()) >= 0) {
            return Optional.empty();
        }
        String finding = "应出席" + expected + "人次，实际出席" + present + "人次，出勤率" + num(rate) + "%";
        String problem = "个别成员参加集中学习不够经常，全年中心组成员应出席" + expected + "人次、实际出席" + present + "人次，出勤率为" + num(rate) + "%，低于"
                + c.p1() + "%的要求，工学矛盾仍然存在。";
        String next = "严格执行考勤和请假报批制度，合理安排学习时间，确保中心组成员集中学习出勤率不低于" + c.p1() + "%。";
        return c.found(finding, problem, next, missed);
    }

    private static Optional<Finding> leaveMakeUp(Check c) {
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

    // ---- first topic ----

    private static Optional<Finding> firstTopicPerSession(Check c) {
        List<SessionFacts> held = held(c.facts());
        List<SessionFacts> without = held.stream()
                .filter(s -> s.agenda().stream()
                                .filter(a -> a.kind() == AgendaKind.FIRST_TOPIC)
                                .count()
                        < c.int1())
                .toList();
        if (without.isEmpty()) {
            return Optional.empty();
        }
        String finding = "已举行的" + held.size() + "次集中学习中，" + without.size() + "次“第一议题”学习内容少于" + c.p1() + "项";
        String problem = "“第一议题”制度落实还不够严格，全年已举行的" + held.size() + "次集中学习中有" + without.size() + "次未按要求安排“第一议题”学习。";
        String next = "严格落实“第一议题”制度，每次集中学习都把学习习近平总书记最新重要讲话和重要指示批示精神作为第一议题，" + "做到第一时间学习、第一时间部署落实。";
        return c.found(
                finding,
                problem,
                next,
                without.stream()
                        .map(s -> session(
                                s,
                                "“第一议题”"
                                        + s.agenda().stream()
                                                .filter(a -> a.kind() == AgendaKind.FIRST_TOPIC)
                                                .count()
                                        + "项"))
                        .toList());
    }

    private static Optional<Finding> firstTopicTimeliness(Check c) {
        RuleFacts f = c.facts();
        int days = c.int1();
        int late = 0;
        int notYet = 0;
        List<Evidence> evidence = new ArrayList<>();
        for (FirstTopicItemSummary item : f.firstTopicItems()) {
            String detail = null;
            if (item.firstStudiedOn() != null) {
                long lag = ChronoUnit.DAYS.between(item.publishedOn(), item.firstStudiedOn());
                if (lag > days) {
                    late++;
                    detail = "发布于" + item.publishedOn() + "，" + item.firstStudiedOn() + "首次学习，相隔" + lag + "天";
                }
            } else if (ChronoUnit.DAYS.between(item.publishedOn(), f.today()) > days) {
                notYet++;
                detail = "发布于" + item.publishedOn() + "，至今未组织学习";
            }
            if (detail != null) {
                evidence.add(new Evidence(
                        "第一议题", item.id(), item.publishedOn(), item.title(), detail, null, "/firsttopic/" + item.id()));
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (late > 0) {
            parts.add(late + "项超过" + days + "天才组织学习");
        }
        if (notYet > 0) {
            parts.add(notYet + "项发布超过" + days + "天仍未学习");
        }
        String finding = "本年度“第一议题”学习内容" + f.firstTopicItems().size() + "项，其中" + String.join("、", parts);
        String problem = "“第一议题”学习的及时性有待提高，本年度有" + evidence.size() + "项学习内容未能在发布后" + days + "天内组织学习。";
        String next = "建立“第一议题”学习内容台账，对新发布的重要讲话和重要指示批示精神在" + days + "天内安排集中学习，确保学习跟进及时。";
        return c.found(finding, problem, next, evidence);
    }

    // ---- speeches and writings ----

    private static Optional<Finding> keySpeechesPerSession(Check c) {
        int min = c.int1();
        int max = c.int2();
        int outOfRange = 0;
        int withoutOutline = 0;
        List<Evidence> evidence = new ArrayList<>();
        for (SessionFacts s : held(c.facts())) {
            List<SessionFacts.SpeechFact> key = s.speeches().stream()
                    .filter(sp -> sp.kind() == SpeechKind.KEY)
                    .toList();
            long missing = key.stream().filter(sp -> !sp.hasOutline()).count();
            List<String> wrong = new ArrayList<>();
            if (key.size() < min || key.size() > max) {
                outOfRange++;
                wrong.add("重点发言" + key.size() + "人");
            }
            if (missing > 0) {
                withoutOutline += missing;
                wrong.add(missing + "篇重点发言未附提纲");
            }
            if (!wrong.isEmpty()) {
                evidence.add(session(s, String.join("；", wrong)));
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (outOfRange > 0) {
            parts.add(outOfRange + "次集中学习重点发言人数不在" + c.p1() + "至" + c.p2() + "人之间");
        }
        if (withoutOutline > 0) {
            parts.add(withoutOutline + "篇重点发言未附书面提纲");
        }
        String finding = String.join("，", parts);
        String problem = "交流研讨的组织还不够规范，" + String.join("，", parts) + "，研讨交流的深度和质量有待提升。";
        String next = "每次集中学习安排" + c.p1() + "至" + c.p2() + "名成员重点发言，发言前形成书面提纲，增强研讨交流的针对性和实效性。";
        return c.found(finding, problem, next, evidence);
    }

    private static Optional<Finding> keySpeechesPerMember(Check c) {
        RuleFacts f = c.facts();
        if (!f.yearOver() || f.members().isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Long> counts = held(f).stream()
                .flatMap(s -> s.speeches().stream())
                .filter(sp -> sp.kind() == SpeechKind.KEY)
                .collect(Collectors.groupingBy(SessionFacts.SpeechFact::personId, Collectors.counting()));
        List<GroupMember> below = f.members().stream()
                .filter(m -> counts.getOrDefault(m.personId(), 0L) < c.int1())
                .toList();
        if (below.isEmpty()) {
            return Optional.empty();
        }
        String names = names(below);
        String finding = below.size() + "名成员全年重点发言少于" + c.p1() + "次：" + plainNames(below);
        String problem = "成员参与交流研讨还不够均衡，" + names + "全年" + (c.int1() == 1 ? "未作重点发言" : "重点发言少于" + c.p1() + "次")
                + "，带头研学、深入思考的作用发挥不够充分。";
        String next = "统筹安排重点发言，确保每名成员全年至少作" + c.p1() + "次重点发言，做到人人有准备、个个有发言。";
        return c.found(
                finding,
                problem,
                next,
                below.stream()
                        .map(m -> member(m, "全年重点发言" + counts.getOrDefault(m.personId(), 0L) + "次"))
                        .toList());
    }

    private static Optional<Finding> writingsPerMember(Check c) {
        RuleFacts f = c.facts();
        if (!f.yearOver() || f.members().isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Long> counts = f.writings().stream()
                .filter(w -> w.kind().meetsWritingRule())
                .collect(Collectors.groupingBy(WritingSummary::personId, Collectors.counting()));
        List<GroupMember> below = f.members().stream()
                .filter(m -> counts.getOrDefault(m.personId(), 0L) < c.int1())
                .toList();
        if (below.isEmpty()) {
            return Optional.empty();
        }
        String names = names(below);
        String finding = below.size() + "名成员全年撰写心得体会、调研报告少于" + c.p1() + "篇：" + plainNames(below);
        String problem = "学习成果的总结转化还不够充分，" + names + "全年"
                + (c.int1() == 1 ? "未撰写心得体会或调研报告" : "撰写心得体会、调研报告少于" + c.p1() + "篇") + "，以学促思、以文践学还有差距。";
        String next = "督促每名成员全年至少撰写" + c.p1() + "篇心得体会或调研报告，及时把学习收获转化为推动工作的思路举措。";
        return c.found(
                finding,
                problem,
                next,
                below.stream()
                        .map(m -> member(m, "全年撰写心得体会、调研报告" + counts.getOrDefault(m.personId(), 0L) + "篇"))
                        .toList());
    }

    // ---- plans ----

    private static Optional<Finding> planApprovedFirst(Check c) {
        RuleFacts f = c.facts();
        Optional<SessionFacts> first = held(f).stream().min(Comparator.comparing(SessionFacts::date));
        if (first.isEmpty()) {
            return Optional.empty();
        }
        LocalDate approved = f.planFirstApprovedOn();
        if (approved != null && !approved.isAfter(first.get().date())) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        if (f.plan() != null) {
            evidence.add(new Evidence(
                    "年度学习计划",
                    f.plan().id(),
                    approved,
                    f.year() + "年度学习计划",
                    approved == null ? f.plan().status().label() : "批准于" + approved,
                    null,
                    "/plans/" + f.plan().id()));
        }
        evidence.add(session(first.get(), "首次集中学习"));
        String finding = approved == null
                ? "年度学习计划未经组长审批，首次集中学习已于" + first.get().date() + "举行"
                : "年度学习计划于" + approved + "批准，晚于首次集中学习（" + first.get().date() + "）";
        String problem = approved == null
                ? "年度学习计划的审批把关不够严格，" + f.year() + "年度学习计划未经组长审批即开展集中学习。"
                : "年度学习计划审批不够及时，" + f.year() + "年度学习计划于" + day(approved) + "经组长批准，晚于首次集中学习。";
        String next = "每年年初及时制定年度学习计划并报组长审批，做到先审批、后实施，发挥计划的统筹引领作用。";
        return c.found(finding, problem, next, evidence);
    }

    private static Optional<Finding> studyPlanApproved(Check c) {
        List<SessionFacts> held = held(c.facts());
        List<SessionFacts> unapproved = held.stream()
                .filter(s -> s.studyPlanStatus() != StudyPlanStatus.APPROVED)
                .toList();
        if (unapproved.isEmpty()) {
            return Optional.empty();
        }
        String finding = "已举行的" + held.size() + "次集中学习中，" + unapproved.size() + "次学习方案未经组长审批";
        String problem = "学习方案审批把关还需加强，全年有" + unapproved.size() + "次集中学习的学习方案未经组长审批，学习内容和研讨安排的统筹不够。";
        String next = "每次集中学习前制定学习方案并报组长审批，严把学习内容、重点发言和研讨安排关口。";
        return c.found(
                finding,
                problem,
                next,
                unapproved.stream()
                        .map(s -> session(s, "学习方案：" + s.studyPlanStatus().label()))
                        .toList());
    }

    // ---- supervision and follow-up ----

    private static Optional<Finding> unitsVisited(Check c) {
        RuleFacts f = c.facts();
        if (!f.yearOver() || f.units().isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (OrgRef unit : f.units()) {
            List<VisitSummary> its =
                    f.visits().stream().filter(v -> v.unitOrgId() == unit.id()).toList();
            long completed = its.stream().filter(v -> v.stage().isCompleted()).count();
            if (completed >= c.int1()) {
                continue;
            }
            names.add(unit.name());
            String planned = its.isEmpty()
                    ? "未安排旁听"
                    : "已安排" + its.size() + "场，"
                            + its.stream()
                                    .map(v -> v.plannedOn() + v.stage().label())
                                    .collect(Collectors.joining("、"));
            evidence.add(new Evidence(
                    "下属单位",
                    unit.id(),
                    its.isEmpty() ? null : its.get(0).plannedOn(),
                    unit.name() + "（" + unit.code() + "）",
                    "全年完成列席旁听" + completed + "场；" + planned,
                    null,
                    its.isEmpty()
                            ? "/supervision?unit=" + unit.code()
                            : "/supervision/visits/" + its.get(0).id()));
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        String joined = String.join("、", names);
        String finding = "下属单位" + f.units().size() + "个，" + evidence.size() + "个全年完成列席旁听少于" + c.p1() + "次：" + joined;
        String problem = "对下级党组织中心组学习的督促指导还不够有力，列席旁听尚未实现全覆盖，" + joined + "全年"
                + (c.int1() == 1 ? "未完成列席旁听" : "完成列席旁听少于" + c.p1() + "次") + "。";
        String next = "制定年度列席旁听计划，对所属单位中心组学习每年至少列席旁听" + c.p1() + "次，实现全覆盖，并加强旁听后的跟踪指导。";
        return c.found(finding, problem, next, evidence);
    }

    private static Optional<Finding> visitSummaryInTime(Check c) {
        List<VisitSummary> late =
                c.facts().visits().stream().filter(VisitSummary::summaryLate).toList();
        if (late.isEmpty()) {
            return Optional.empty();
        }
        String finding = late.size() + "场列席旁听小结未在规定期限内完成";
        String problem = "列席旁听的反馈还不够及时，" + late.size() + "场列席旁听的小结未在旁听后10个工作日内形成。";
        String next = "旁听结束后在10个工作日内形成小结并反馈被旁听单位，提出具体改进意见。";
        return c.found(
                finding,
                problem,
                next,
                late.stream()
                        .map(v -> new Evidence(
                                "列席旁听",
                                v.id(),
                                v.plannedOn(),
                                v.unitName() + "：" + v.sessionTitle(),
                                v.stage().label() + " · 小结逾期",
                                null,
                                "/supervision/visits/" + v.id()))
                        .toList());
    }

    private static Optional<Finding> nothingOverdue(Check c) {
        RuleFacts f = c.facts();
        LocalDate end = LocalDate.of(f.year(), 12, 31);
        List<OverdueItem> overdue = f.overdue().stream()
                .filter(i -> !i.dueOn().isAfter(end))
                .sorted(Comparator.comparing(OverdueItem::dueOn))
                .toList();
        if (overdue.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> byKind = overdue.stream()
                .collect(Collectors.groupingBy(OverdueItem::kindLabel, LinkedHashMap::new, Collectors.counting()));
        String kinds = byKind.entrySet().stream()
                .map(e -> e.getKey() + e.getValue() + "项")
                .collect(Collectors.joining("、"));
        String finding = "逾期未完成事项" + overdue.size() + "项：" + kinds;
        String problem = "学习成果的跟踪落实还不够有力，" + kinds + "逾期未完成，闭环管理有待加强。";
        String next = "对学习部署的落实任务和旁听整改事项实行台账管理，明确责任人和完成时限，定期督办销号，确保件件有着落、事事有回音。";
        return c.found(
                finding,
                problem,
                next,
                overdue.stream()
                        .map(i -> new Evidence(
                                i.kindLabel(),
                                i.id(),
                                i.dueOn(),
                                i.title(),
                                "责任人：" + i.ownerName() + " · 时限" + i.dueOn() + " · 已逾期" + i.daysOverdue() + "天",
                                null,
                                i.url()))
                        .toList());
    }

    private static Optional<Finding> adoptionRate(Check c) {
        RuleFacts f = c.facts();
        long proposed = f.recommendations().size();
        if (proposed == 0) {
            return Optional.empty();
        }
        long adopted = f.adopted().size();
        BigDecimal rate = percent(adopted, proposed);
        if (rate.compareTo(c.param1()) >= 0) {
            return Optional.empty();
        }
        String finding = "对策建议" + proposed + "条，采纳" + adopted + "条，采纳率" + num(rate) + "%";
        String problem = "学用转化机制还不够健全，全年围绕课题研讨提出对策建议" + proposed + "条、转化采纳" + adopted + "条，采纳率为" + num(rate) + "%，低于"
                + c.p1() + "%的要求，一定程度上存在“学用两张皮”现象。";
        String next = "健全学习成果转化机制，对课题研讨形成的对策建议逐条明确责任部门和转化时限、跟踪督办落实，力争采纳率不低于" + c.p1() + "%，推动学习成果转化为推动发展的实际成效。";
        return c.found(finding, problem, next, f.recommendations());
    }

    // ---- helpers ----

    private static List<SessionFacts> held(RuleFacts f) {
        return f.sessions().stream().filter(SessionFacts::held).toList();
    }

    private static Evidence session(SessionFacts s, String detail) {
        return new Evidence("集中学习", s.id(), s.date(), s.title(), detail, null, sessionUrl(s));
    }

    private static String sessionUrl(SessionFacts s) {
        return "/sessions/" + s.id();
    }

    private static Evidence member(GroupMember m, String detail) {
        return new Evidence(
                "中心组成员",
                m.personId(),
                null,
                m.name() + (m.position() == null || m.position().isBlank() ? "" : "（" + m.position() + "）"),
                detail,
                null,
                "/records/" + m.personId());
    }

    /** 周文斌, or 张伟、周文斌等2名成员. */
    private static String names(List<GroupMember> members) {
        String joined = plainNames(members);
        return members.size() == 1 ? joined : joined + "等" + members.size() + "名成员";
    }

    private static String plainNames(List<GroupMember> members) {
        return members.stream().map(GroupMember::name).collect(Collectors.joining("、"));
    }

    static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    static String num(BigDecimal value) {
        return RuleDefinition.Param.format(value);
    }

    static String day(LocalDate date) {
        return OfficeTime.chineseDate(date);
    }
}
