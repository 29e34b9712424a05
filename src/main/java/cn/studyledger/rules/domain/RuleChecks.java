package cn.studyledger.rules.domain;

import cn.studyledger.common.time.OfficeTime;
import cn.studyledger.figure.Evidence;
import cn.studyledger.org.GroupMember;
import cn.studyledger.report.Finding;
import cn.studyledger.session.SessionFacts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The evaluation of each rule over an organisation's year ({@link RuleFacts}): whether it is broken, what was
 * found (with the numbers), the sentences proposed for the annual report's 三、存在的问题与不足 and
 * 四、下一步工作打算, and the records that show it. Only numbers counted from the records are written.
 *
 * <p>Annual minimums (sessions and days of collective study a year, each member's key speech and writing, every unit visited) are judged once the
 * year is over; a quarter's minimum once the quarter is over; everything else as soon as it happens. Nothing is
 * judged for a year that has not begun, nor for a year in which the organisation has no central group (its ledger
 * does not cover that year).
 */
final class RuleChecks {

    static final String HELD = "sessions.collective";
    static final String PRESENT = "attendance.presentRate";
    static final String DAYS = "sessions.days";
    static final String RECOMMENDATIONS = "research.recommendations";
    static final String ADOPTED = "research.adopted";
    static final String BOOKS = "books.read";

    /** The figures the checks read instead of counting the records again: one definition of each number. */
    static final List<String> FIGURES = List.of(HELD, PRESENT, DAYS, RECOMMENDATIONS, ADOPTED, BOOKS);

    private RuleChecks() {}

    /** The rule's finding, or empty when the records keep it (or it cannot be judged yet). */
    static Optional<Finding> check(
            RuleDefinition rule,
            BigDecimal param1,
            BigDecimal param2,
            List<String> kinds,
            String source,
            RuleFacts facts) {
        if (!facts.yearBegun() || facts.members().isEmpty()) {
            return Optional.empty();
        }
        Check c = new Check(rule, rule.text(param1, param2, kinds), source, facts, param1, param2, kinds);
        switch (rule) {
            case SESSION_COUNT:
                return SessionChecks.sessionCount(c);
            case SESSION_LENGTH:
                return SessionChecks.sessionLength(c);
            case SESSION_DAYS:
                return SessionChecks.sessionDays(c);
            case SESSION_DAY_HOURS:
                // How the figure sessions.days counts a session, not something the records can break.
                return Optional.empty();
            case PLAN_FILING_DUE, REPORT_FILING_DUE:
                // Deadlines the superior sets for its units' filings, read when a unit files (报送).
                return Optional.empty();
            case PRESENT_RATE:
                return SessionChecks.presentRate(c);
            case LEAVE_MAKE_UP:
                return SessionChecks.leaveMakeUp(c);
            case FIRST_TOPIC_PER_SESSION:
                return FirstTopicChecks.firstTopicPerSession(c);
            case FIRST_TOPIC_TIMELINESS:
                return FirstTopicChecks.firstTopicTimeliness(c);
            case KEY_SPEECHES_PER_SESSION:
                return ContributionChecks.keySpeechesPerSession(c);
            case SPEECH_OUTLINE:
                // Refused when a speech is recorded (SessionRecordService), so the records cannot break it.
                return Optional.empty();
            case KEY_SPEECHES_PER_MEMBER:
                return ContributionChecks.keySpeechesPerMember(c);
            case WRITINGS_PER_MEMBER:
                return ContributionChecks.writingsPerMember(c);
            case BOOKS_PER_MEMBER:
                return ContributionChecks.booksPerMember(c);
            case NOTE_FILES:
            case NOTE_TYPES:
                // Refused when a note is uploaded (StudyNoteService), so the records cannot break them.
                return Optional.empty();
            case SELFSTUDY_DAILY_HOURS:
                // Refused when an entry is saved (SelfStudyService), so the records cannot break it.
                return Optional.empty();
            case PLAN_APPROVED_FIRST:
                return PlanChecks.planApprovedFirst(c);
            case STUDY_PLAN_APPROVED:
                return PlanChecks.studyPlanApproved(c);
            case UNITS_VISITED:
                return FollowThroughChecks.unitsVisited(c);
            case VISIT_SUMMARY_IN_TIME:
                return FollowThroughChecks.visitSummaryInTime(c);
            case NOTHING_OVERDUE:
                return FollowThroughChecks.nothingOverdue(c);
            case ADOPTION_RATE:
                return FollowThroughChecks.adoptionRate(c);
            default:
                throw new IllegalArgumentException(rule.key());
        }
    }

    /** One rule being checked: its definition, text, source, thresholds, the kinds that count and the facts. */
    record Check(
            RuleDefinition rule,
            String text,
            String source,
            RuleFacts facts,
            BigDecimal param1,
            BigDecimal param2,
            List<String> kinds) {

        /** Whether the setting counts this kind (its code, e.g. KEY or EXPERIENCE). */
        boolean counts(Enum<?> kind) {
            return kinds.contains(kind.name());
        }

        /** The kinds that count as text, e.g. 心得体会、调研报告 or 心得体会或调研报告. */
        String kindLabels(String joiner) {
            return rule.kindLabels(kinds, joiner);
        }

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

    // ---- helpers ----

    static List<SessionFacts> held(RuleFacts f) {
        return f.sessions().stream().filter(SessionFacts::held).toList();
    }

    static Evidence session(SessionFacts s, String detail) {
        return new Evidence("集中学习", s.id(), s.date(), s.title(), detail, null, sessionUrl(s));
    }

    static String sessionUrl(SessionFacts s) {
        return "/sessions/" + s.id();
    }

    static Evidence member(GroupMember m, String detail) {
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
    /**
     * The members as a report sent upward names them: by their number (3名成员), never by name — the finding and
     * its evidence list who they are, and the clerk may write the names in when keeping the draft.
     */
    static String counted(List<GroupMember> members) {
        return members.size() + "名成员";
    }

    static String plainNames(List<GroupMember> members) {
        return members.stream().map(GroupMember::name).collect(Collectors.joining("、"));
    }

    static String num(BigDecimal value) {
        return RuleDefinition.Param.format(value);
    }

    static String day(LocalDate date) {
        return OfficeTime.chineseDate(date);
    }
}
