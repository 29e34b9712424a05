package cn.studyledger.outreach.domain;

import cn.studyledger.figure.Evidence;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.figure.FigureProvider;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.figure.Period;
import cn.studyledger.figure.Tallies;
import cn.studyledger.org.OrgRef;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionFormat;
import cn.studyledger.session.SessionStatus;
import cn.studyledger.session.SessionSummary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code publicity.items}: publicity items published in the year; {@code outreach.jointSessions}: held 联学共建
 * sessions with at least one youth group or branch linked; {@code outreach.exchangeMeetings}: held sessions of
 * format 经验交流会 plus the external exchange meetings of the year. Each record counted is one evidence record.
 */
@Component
@Transactional(readOnly = true)
class OutreachFigures implements FigureProvider {

    static final String PUBLICITY = "publicity.items";
    static final String JOINT = "outreach.jointSessions";
    static final String EXCHANGE = "outreach.exchangeMeetings";

    private final PublicityItemRepository items;
    private final JointLinkRepository links;
    private final YouthGroupRepository groups;
    private final PartnerBranchRepository branches;
    private final ExchangeMeetingRepository meetings;
    private final SessionApi sessions;
    private final JdbcClient jdbc;

    OutreachFigures(
            PublicityItemRepository items,
            JointLinkRepository links,
            YouthGroupRepository groups,
            PartnerBranchRepository branches,
            ExchangeMeetingRepository meetings,
            SessionApi sessions,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.items = items;
        this.links = links;
        this.groups = groups;
        this.branches = branches;
        this.meetings = meetings;
        this.sessions = sessions;
    }

    @Override
    public List<FigureDefinition> definitions() {
        return List.of(
                new FigureDefinition(PUBLICITY, "宣传报道", "篇", Kind.COUNT),
                new FigureDefinition(JOINT, "联学共建", "次", Kind.COUNT),
                new FigureDefinition(EXCHANGE, "经验交流会", "次", Kind.COUNT));
    }

    /** Publicity items of many organisations with one grouped statement; the same numbers as {@link #compute}. */
    @Override
    public Map<Long, FigureResult> tally(String key, List<OrgRef> orgs, Period period) {
        if (!PUBLICITY.equals(key)) {
            return FigureProvider.super.tally(key, orgs, period);
        }
        return Tallies.counts(jdbc, """
                select org_id, count(*) from outreach_publicity_item
                 where org_id in (:orgIds) and published_on between :from and :to group by org_id""", Map.of("from", period.from(), "to", period.to()), orgs);
    }

    @Override
    public FigureResult compute(String key, OrgRef org, int year) {
        return switch (key) {
            case PUBLICITY -> FigureResult.count(publicity(org, year));
            case JOINT -> FigureResult.count(jointSessions(org, year));
            case EXCHANGE -> FigureResult.count(exchangeMeetings(org, year));
            default -> throw new IllegalArgumentException(key);
        };
    }

    private List<Evidence> publicity(OrgRef org, int year) {
        return items
                .findByOrgIdAndPublishedOnBetweenOrderByPublishedOnAscIdAsc(
                        org.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .stream()
                .map(i -> new Evidence(
                        "宣传报道",
                        i.getId(),
                        i.publishedOn(),
                        i.title(),
                        i.channel().label() + (i.column() == null ? "" : " · " + i.column()),
                        null,
                        "/outreach/publicity/" + i.getId()))
                .toList();
    }

    private List<Evidence> jointSessions(OrgRef org, int year) {
        List<SessionSummary> held = heldOf(org, year, SessionFormat.JOINT);
        Map<Long, JointLink> bySession =
                links.findBySessionIdIn(held.stream().map(SessionSummary::id).toList()).stream()
                        .collect(Collectors.toMap(JointLink::sessionId, Function.identity()));
        List<Evidence> evidence = new ArrayList<>();
        for (SessionSummary s : held) {
            JointLink link = bySession.get(s.id());
            if (link == null
                    || (link.youthGroupIds().isEmpty() && link.branchIds().isEmpty())) {
                continue;
            }
            List<String> names = new ArrayList<>();
            groups.findAllById(link.youthGroupIds()).stream()
                    .map(YouthGroup::name)
                    .sorted()
                    .forEach(names::add);
            branches.findAllById(link.branchIds()).stream()
                    .map(PartnerBranch::name)
                    .sorted()
                    .forEach(names::add);
            evidence.add(new Evidence(
                    "联学共建", s.id(), s.date(), s.title(), String.join("、", names), null, "/outreach/joint/" + s.id()));
        }
        return evidence;
    }

    private List<Evidence> exchangeMeetings(OrgRef org, int year) {
        List<Evidence> evidence = new ArrayList<>();
        for (SessionSummary s : heldOf(org, year, SessionFormat.EXCHANGE)) {
            evidence.add(new Evidence("集中学习", s.id(), s.date(), s.title(), "中心组经验交流会", null, "/sessions/" + s.id()));
        }
        for (ExchangeMeeting m : meetings.findByOrgIdAndHeldOnBetweenOrderByHeldOnAscIdAsc(
                org.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
            evidence.add(new Evidence(
                    "经验交流会",
                    m.getId(),
                    m.heldOn(),
                    m.title(),
                    m.role().label() + " · " + m.host() + " · " + m.participants() + "人",
                    null,
                    "/outreach/exchanges/" + m.getId()));
        }
        evidence.sort(Comparator.comparing(Evidence::date));
        return evidence;
    }

    private List<SessionSummary> heldOf(OrgRef org, int year, SessionFormat format) {
        return sessions.sessions(org.id(), year).stream()
                .filter(s -> s.format() == format && s.status() == SessionStatus.HELD)
                .toList();
    }
}
