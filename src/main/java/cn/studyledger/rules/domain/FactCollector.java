package cn.studyledger.rules.domain;

import cn.studyledger.figure.FigureApi;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.firsttopic.FirstTopicApi;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.PersonRef;
import cn.studyledger.plan.PlanApi;
import cn.studyledger.selfstudy.SelfStudyApi;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionFacts;
import cn.studyledger.supervision.SupervisionApi;
import cn.studyledger.tracking.OverdueItem;
import cn.studyledger.tracking.OverdueProvider;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Gathers an organisation's year from the other modules' root APIs (never their tables) for the rule checks. The
 * caller has checked the organisation's scope; the figure and overdue look-ups apply their own permission and scope
 * checks for the current user (a signed-in user or the nightly run's system identity).
 */
@Component
class FactCollector {

    private final OrgApi orgs;
    private final SessionApi sessions;
    private final FirstTopicApi firstTopic;
    private final SelfStudyApi selfStudy;
    private final PlanApi plans;
    private final SupervisionApi supervision;
    private final FigureApi figures;
    private final List<OverdueProvider> overdue;

    FactCollector(
            OrgApi orgs,
            SessionApi sessions,
            FirstTopicApi firstTopic,
            SelfStudyApi selfStudy,
            PlanApi plans,
            SupervisionApi supervision,
            FigureApi figures,
            List<OverdueProvider> overdue) {
        this.orgs = orgs;
        this.sessions = sessions;
        this.firstTopic = firstTopic;
        this.selfStudy = selfStudy;
        this.plans = plans;
        this.supervision = supervision;
        this.figures = figures;
        this.overdue = overdue;
    }

    RuleFacts collect(OrgRef org, int year, LocalDate today) {
        List<GroupMember> members = orgs.members(org.id(), year);
        List<SessionFacts> year_ = sessions.facts(org.id(), year);
        Set<Long> people = new HashSet<>();
        year_.forEach(s -> s.attendees().forEach(a -> people.add(a.personId())));
        Map<Long, String> names = new HashMap<>();
        for (PersonRef p : orgs.people(people).values()) {
            names.put(p.id(), p.name());
        }
        members.forEach(m -> names.put(m.personId(), m.name()));
        List<OverdueItem> late = new ArrayList<>();
        for (OverdueProvider provider : overdue) {
            late.addAll(provider.overdue(org.code(), today));
        }
        return new RuleFacts(
                org,
                year,
                today,
                members,
                names,
                year_,
                firstTopic.itemsPublishedIn(org.id(), year),
                selfStudy.writings(org.id(), year),
                plans.current(org.id(), year).orElse(null),
                plans.firstApprovedOn(org.id(), year).orElse(null),
                orgs.children(org.id()),
                supervision.visits(org.id(), year),
                late,
                figures(org, year));
    }

    /** The figures the checks read, those some module defines, computed once each. */
    private Map<String, FigureResult> figures(OrgRef org, int year) {
        List<String> defined = RuleChecks.FIGURES.stream()
                .filter(key -> figures.definition(key).isPresent())
                .toList();
        Map<String, FigureResult> results = new HashMap<>();
        figures.figures(org.code(), year, defined).forEach((key, f) -> results.put(key, f.result()));
        return results;
    }
}
