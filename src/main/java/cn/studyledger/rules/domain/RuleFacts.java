package cn.studyledger.rules.domain;

import cn.studyledger.figure.FigureResult;
import cn.studyledger.firsttopic.FirstTopicItemSummary;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgRef;
import cn.studyledger.plan.PlanSummary;
import cn.studyledger.selfstudy.WritingSummary;
import cn.studyledger.session.SessionFacts;
import cn.studyledger.supervision.VisitSummary;
import cn.studyledger.tracking.OverdueItem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the rules check of an organisation's year, as the other modules' APIs gave it. The checks
 * ({@link RuleChecks}) work on this alone, so they can be tested by feeding records.
 *
 * @param org the organisation
 * @param year the year checked
 * @param today the day of the check (what is overdue, whether the year or a quarter is over)
 * @param members the members of the year's central group (组长, 副组长, 成员)
 * @param names names of the people concerned, by id
 * @param sessions the year's sessions with attendance, speeches, leave and agenda
 * @param firstTopicItems first-topic items published in the year
 * @param writings the writings of the year
 * @param plan the year's current plan, null when there is none
 * @param planFirstApprovedOn the day the year's plan was first approved, null when never
 * @param units the active subordinate units
 * @param visits the supervision visits to them in the year
 * @param overdue open follow-up tasks and rectification items past their due date
 * @param figures the figures the checks read ({@link RuleChecks#FIGURES}), as the figure API computed them; a figure
 *     no module defines is absent
 */
record RuleFacts(
        OrgRef org,
        int year,
        LocalDate today,
        List<GroupMember> members,
        Map<Long, String> names,
        List<SessionFacts> sessions,
        List<FirstTopicItemSummary> firstTopicItems,
        List<WritingSummary> writings,
        PlanSummary plan,
        LocalDate planFirstApprovedOn,
        List<OrgRef> units,
        List<VisitSummary> visits,
        List<OverdueItem> overdue,
        Map<String, FigureResult> figures) {

    /** A figure the checks read; one with no records when no module defines it. */
    FigureResult figure(String key) {
        return figures.getOrDefault(key, FigureResult.count(List.of()));
    }

    /** Whether the whole year lies before today: annual minimums are judged only then. */
    boolean yearOver() {
        return today.isAfter(LocalDate.of(year, 12, 31));
    }

    /** Whether the year has begun at all. */
    boolean yearBegun() {
        return !today.isBefore(LocalDate.of(year, 1, 1));
    }

    String name(long personId) {
        String name = names.get(personId);
        return name == null ? "#" + personId : name;
    }
}
