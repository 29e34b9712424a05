package cn.studyledger.research.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.jdbc.Like;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.research.AdoptionSummary;
import cn.studyledger.research.RecommendationStatus;
import cn.studyledger.research.domain.ResearchViews.DiscussionOption;
import cn.studyledger.research.domain.ResearchViews.DiscussionRow;
import cn.studyledger.research.domain.ResearchViews.PersonOption;
import cn.studyledger.research.domain.ResearchViews.RecommendationView;
import cn.studyledger.research.domain.ResearchViews.TopicDetail;
import cn.studyledger.research.domain.ResearchViews.TopicRow;
import cn.studyledger.research.domain.ResearchViews.YearSummary;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.AgendaSummary;
import cn.studyledger.session.SessionApi;
import cn.studyledger.session.SessionSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Research topics (研讨课题), the sessions that discussed them and their recommendations (对策建议). Everyone who
 * reads the organisation's study records reads them; only its clerk changes them. The topics are offered to the 课题研讨
 * rows of the session form (TopicsOnTheAgenda): a session whose agenda chooses a topic discussed it.
 */
@Service
@Transactional(readOnly = true)
public class TopicService {

    static final String TOPIC = "研讨课题";
    static final String RECOMMENDATION = "对策建议";
    static final String READ = "hasAuthority('" + Permissions.RESEARCH_VIEW + "')";
    static final String WRITE = "hasAuthority('" + Permissions.RESEARCH_EDIT + "')";

    private final TopicRepository topics;
    private final RecommendationRepository recommendations;
    private final ResearchQueries queries;
    private final ResearchAccess access;
    private final SessionApi sessions;
    private final OrgApi orgs;
    private final AuditLog audit;

    TopicService(
            TopicRepository topics,
            RecommendationRepository recommendations,
            ResearchQueries queries,
            ResearchAccess access,
            SessionApi sessions,
            OrgApi orgs,
            AuditLog audit) {
        this.topics = topics;
        this.recommendations = recommendations;
        this.queries = queries;
        this.access = access;
        this.sessions = sessions;
        this.orgs = orgs;
        this.audit = audit;
    }

    /** Whether the current user may change the research records of the organisation (its clerk). */
    public boolean canEdit(String orgCode) {
        return access.edits(orgs.requireReadable(orgCode));
    }

    /** One page of the year's topics, in the order they were set, with their adoption rates. */
    @PreAuthorize(READ)
    public PageResult<TopicRow> search(String orgCode, int year, String query, int page, int size) {
        OrgRef org = orgs.requireReadable(orgCode);
        var result = topics.search(
                org.id(),
                year,
                Like.escape(query == null ? "" : query.trim()),
                PageRequest.of(Math.max(page, 0), size, Sort.by("id")));
        Map<Long, List<Recommendation>> byTopic = result.isEmpty()
                ? Map.of()
                : recommendations
                        .findByTopicIdIn(result.getContent().stream()
                                .map(ResearchTopic::getId)
                                .toList())
                        .stream()
                        .collect(Collectors.groupingBy(Recommendation::topicId));
        Map<Long, String> leads = access.names(
                result.getContent().stream().map(ResearchTopic::leadPersonId).toList());
        return PageResult.of(result, t -> {
            AdoptionSummary adoption = adoption(byTopic.getOrDefault(t.getId(), List.of()));
            return new TopicRow(
                    t.getId(),
                    t.year(),
                    t.title(),
                    t.keyTask(),
                    leads.get(t.leadPersonId()),
                    t.discussions().size(),
                    adoption.proposed(),
                    adoption.adopted(),
                    adoption.rate());
        });
    }

    /** The year at a glance: topics, and the recommendations proposed in the year with the adoption rate. */
    @PreAuthorize(READ)
    public YearSummary summary(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        return new YearSummary(
                year, topics.findByOrgIdAndYearOrderByIdAsc(org.id(), year).size(), queries.adoption(org.id(), year));
    }

    @PreAuthorize(READ)
    public TopicDetail get(long id) {
        ResearchTopic topic = readable(id);
        return detail(topic, access.readable(topic.orgId()));
    }

    @Transactional
    @PreAuthorize(WRITE)
    public TopicDetail create(String orgCode, TopicCommand command) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        ResearchTopic topic = new ResearchTopic(org.id());
        describe(topic, org, command);
        topics.saveAndFlush(topic);
        audit.record(AuditAction.CREATE, TOPIC, topic.getId(), topic.year() + "年 " + topic.title());
        return detail(topic, org);
    }

    @Transactional
    @PreAuthorize(WRITE)
    public TopicDetail edit(long id, long expectedVersion, TopicCommand command) {
        ResearchTopic topic = writable(id);
        topic.checkVersion(expectedVersion);
        OrgRef org = orgs.get(topic.orgId());
        describe(topic, org, command);
        topics.flush();
        audit.record(AuditAction.UPDATE, TOPIC, id, topic.year() + "年 " + topic.title());
        return detail(topic, org);
    }

    /** Deletes a topic set by mistake: one without discussions and recommendations. */
    @Transactional
    @PreAuthorize(WRITE)
    public void delete(long id) {
        ResearchTopic topic = writable(id);
        if (!topic.discussions().isEmpty() || recommendations.countByTopicId(id) > 0) {
            throw new BusinessRuleException("课题已有研讨记录或对策建议，不能删除");
        }
        topics.delete(topic);
        audit.record(AuditAction.DELETE, TOPIC, id, topic.year() + "年 " + topic.title());
    }

    /**
     * Links the topic to the RESEARCH_TOPIC agenda item of a session of the same organisation and year that
     * discussed it. Without a session in the command, the agenda item is looked up among the year's sessions.
     */
    @Transactional
    @PreAuthorize(WRITE)
    public TopicDetail link(long id, DiscussionCommand command) {
        ResearchTopic topic = writable(id);
        SessionSummary session = command.sessionId() != null
                ? sessions.find(command.sessionId())
                        .filter(s -> s.orgId() == topic.orgId())
                        .orElseThrow(() -> new BusinessRuleException("所选学习不存在或不属于本单位"))
                : sessionOfAgendaItem(topic, command.agendaItemId());
        AgendaSummary agenda = sessions.agenda(session.id()).stream()
                .filter(a -> a.id() == command.agendaItemId())
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("所选议题不属于这次学习"));
        if (agenda.kind() != AgendaKind.RESEARCH_TOPIC) {
            throw new BusinessRuleException(
                    "只能关联学习中类型为“课题研讨”的议题，所选议题是“" + agenda.kind().label() + "”");
        }
        topic.discussedIn(session.id(), agenda.id(), session.date());
        topics.flush();
        audit.record(
                AuditAction.UPDATE,
                TOPIC,
                id,
                "关联研讨：" + session.date() + " " + session.title() + "（议题#" + agenda.id() + "）");
        return detail(topic, orgs.get(topic.orgId()));
    }

    @Transactional
    @PreAuthorize(WRITE)
    public TopicDetail unlink(long id, long discussionId) {
        ResearchTopic topic = writable(id);
        Discussion removed = topic.unlink(discussionId);
        topics.flush();
        audit.record(AuditAction.UPDATE, TOPIC, id, "取消关联研讨#" + removed.sessionId());
        return detail(topic, orgs.get(topic.orgId()));
    }

    /** The RESEARCH_TOPIC agenda items of the organisation's sessions of the topic's year not yet linked. */
    @PreAuthorize(WRITE)
    public List<DiscussionOption> discussionOptions(long id) {
        ResearchTopic topic = writable(id);
        Set<Long> linked =
                topic.discussions().stream().map(Discussion::sessionId).collect(Collectors.toSet());
        List<DiscussionOption> options = new ArrayList<>();
        for (SessionSummary s : sessions.sessions(topic.orgId(), topic.year())) {
            if (linked.contains(s.id())) {
                continue;
            }
            for (AgendaSummary a : sessions.agenda(s.id())) {
                if (a.kind() == AgendaKind.RESEARCH_TOPIC) {
                    options.add(new DiscussionOption(
                            s.id(),
                            a.id(),
                            s.date(),
                            s.date() + " " + s.title() + "（" + s.status().label() + "）— " + a.title()));
                }
            }
        }
        return options;
    }

    private SessionSummary sessionOfAgendaItem(ResearchTopic topic, long agendaItemId) {
        for (SessionSummary s : sessions.sessions(topic.orgId(), topic.year())) {
            if (sessions.agenda(s.id()).stream().anyMatch(a -> a.id() == agendaItemId)) {
                return s;
            }
        }
        throw new BusinessRuleException("未找到所选议题对应的学习，请在课题所属年度的学习中选择");
    }

    // ---- recommendations ----

    /** A recommendation proposed on the topic by a person of the organisation. */
    @Transactional
    @PreAuthorize(WRITE)
    public RecommendationView propose(long topicId, RecommendationCommand command) {
        ResearchTopic topic = writable(topicId);
        access.requireActivePeople(topic.orgId(), List.of(command.proposerPersonId()), "提出人");
        Recommendation recommendation = recommendations.saveAndFlush(new Recommendation(
                topic.orgId(), topicId, command.content(), command.proposerPersonId(), command.proposedOn()));
        audit.record(
                AuditAction.CREATE,
                RECOMMENDATION,
                recommendation.getId(),
                "课题#" + topicId + " " + recommendation.proposedOn() + " " + abbreviate(recommendation.content()));
        return view(recommendation, topic);
    }

    @PreAuthorize(READ)
    public RecommendationView recommendation(long id) {
        Recommendation recommendation = readableRecommendation(id);
        return view(recommendation, topics.findById(recommendation.topicId()).orElseThrow());
    }

    /** Corrects an undecided recommendation. */
    @Transactional
    @PreAuthorize(WRITE)
    public RecommendationView revise(long id, long expectedVersion, RecommendationCommand command) {
        Recommendation recommendation = writableRecommendation(id);
        recommendation.checkVersion(expectedVersion);
        access.requireActivePeople(recommendation.orgId(), List.of(command.proposerPersonId()), "提出人");
        recommendation.revise(command.content(), command.proposerPersonId(), command.proposedOn());
        recommendations.flush();
        audit.record(AuditAction.UPDATE, RECOMMENDATION, id, "修改：" + abbreviate(recommendation.content()));
        return view(recommendation, topics.findById(recommendation.topicId()).orElseThrow());
    }

    /** PROPOSED → ADOPTED, with the policy or measure it became, its document number and date. */
    @Transactional
    @PreAuthorize(WRITE)
    public RecommendationView adopt(long id, long expectedVersion, AdoptionCommand command) {
        Recommendation recommendation = writableRecommendation(id);
        recommendation.checkVersion(expectedVersion);
        recommendation.adopt(command.measure(), command.documentNo(), command.adoptedOn(), access.today());
        recommendations.saveAndFlush(recommendation);
        audit.record(
                AuditAction.UPDATE,
                RECOMMENDATION,
                id,
                "采纳转化：" + recommendation.documentNo() + " " + recommendation.adoptedOn() + " "
                        + abbreviate(recommendation.measure()));
        return view(recommendation, topics.findById(recommendation.topicId()).orElseThrow());
    }

    /** PROPOSED → NOT_ADOPTED, with the reason. */
    @Transactional
    @PreAuthorize(WRITE)
    public RecommendationView reject(long id, long expectedVersion, RejectionCommand command) {
        Recommendation recommendation = writableRecommendation(id);
        recommendation.checkVersion(expectedVersion);
        recommendation.reject(command.reason(), command.decidedOn(), access.today());
        recommendations.flush();
        audit.record(AuditAction.UPDATE, RECOMMENDATION, id, "不予采纳：" + abbreviate(recommendation.reason()));
        return view(recommendation, topics.findById(recommendation.topicId()).orElseThrow());
    }

    /** Deletes an undecided recommendation entered by mistake; returns its topic's id. */
    @Transactional
    @PreAuthorize(WRITE)
    public long deleteRecommendation(long id) {
        Recommendation recommendation = writableRecommendation(id);
        recommendation.checkDeletable();
        recommendations.delete(recommendation);
        audit.record(AuditAction.DELETE, RECOMMENDATION, id, abbreviate(recommendation.content()));
        return recommendation.topicId();
    }

    /** The central-group members of the year, to lead a topic. */
    @PreAuthorize(READ)
    public List<PersonOption> leads(String orgCode, int year) {
        OrgRef org = orgs.requireReadable(orgCode);
        return access.members(org.id(), year).stream()
                .map(m -> new PersonOption(m.personId(), m.name(), m.role().label()))
                .toList();
    }

    /** Active people of the organisation, to propose recommendations. */
    @PreAuthorize(READ)
    public List<PersonOption> people(String orgCode) {
        OrgRef org = orgs.requireReadable(orgCode);
        return access.people(org.id()).stream()
                .map(p -> new PersonOption(p.id(), p.name(), p.position()))
                .toList();
    }

    private void describe(ResearchTopic topic, OrgRef org, TopicCommand c) {
        Set<Long> members = access.members(org.id(), c.year()).stream()
                .map(GroupMember::personId)
                .collect(Collectors.toSet());
        if (!members.contains(c.leadPersonId())) {
            throw new BusinessRuleException("牵头领导须为" + c.year() + "年度中心组成员");
        }
        topic.describe(c.year(), c.title().trim(), c.keyTask().trim(), c.leadPersonId(), blankToNull(c.summary()));
    }

    ResearchTopic readable(long id) {
        return access.readable(topics.findById(id), TOPIC, ResearchTopic::orgId);
    }

    ResearchTopic writable(long id) {
        return access.writable(topics.findById(id), TOPIC, ResearchTopic::orgId);
    }

    private Recommendation readableRecommendation(long id) {
        return access.readable(recommendations.findById(id), RECOMMENDATION, Recommendation::orgId);
    }

    private Recommendation writableRecommendation(long id) {
        return access.writable(recommendations.findById(id), RECOMMENDATION, Recommendation::orgId);
    }

    private TopicDetail detail(ResearchTopic topic, OrgRef org) {
        List<DiscussionRow> discussions = new ArrayList<>();
        for (Discussion d : topic.discussions()) {
            Optional<SessionSummary> session = sessions.find(d.sessionId());
            if (session.isEmpty()) {
                continue;
            }
            SessionSummary s = session.get();
            String agendaTitle = sessions.agenda(s.id()).stream()
                    .filter(a -> a.id() == d.agendaItemId())
                    .map(AgendaSummary::title)
                    .findFirst()
                    .orElse(null);
            discussions.add(new DiscussionRow(
                    d.id() == null ? 0 : d.id(),
                    s.id(),
                    d.agendaItemId(),
                    s.date(),
                    s.title(),
                    s.status(),
                    agendaTitle));
        }
        discussions.sort(Comparator.comparing(DiscussionRow::sessionDate));
        List<Recommendation> proposed = topic.getId() == null
                ? List.of()
                : recommendations.findByTopicIdOrderByProposedOnAscIdAsc(topic.getId());
        Map<Long, String> names = access.names(
                proposed.stream().map(Recommendation::proposerPersonId).toList());
        AdoptionSummary adoption = adoption(proposed);
        return new TopicDetail(
                topic.getId(),
                org.code(),
                topic.year(),
                topic.title(),
                topic.keyTask(),
                topic.leadPersonId(),
                access.name(topic.leadPersonId()),
                topic.summary(),
                topic.getVersion(),
                discussions,
                proposed.stream()
                        .map(r -> view(r, topic, org, names.get(r.proposerPersonId())))
                        .toList(),
                adoption.proposed(),
                adoption.adopted(),
                adoption.rate());
    }

    private RecommendationView view(Recommendation r, ResearchTopic topic) {
        return view(r, topic, orgs.get(r.orgId()), access.name(r.proposerPersonId()));
    }

    private static RecommendationView view(Recommendation r, ResearchTopic topic, OrgRef org, String proposer) {
        return new RecommendationView(
                r.getId(),
                r.topicId(),
                topic.title(),
                org.code(),
                r.content(),
                r.proposerPersonId(),
                proposer,
                r.proposedOn(),
                r.status(),
                r.measure(),
                r.documentNo(),
                r.adoptedOn(),
                r.reason(),
                r.decidedOn(),
                r.getVersion());
    }

    static AdoptionSummary adoption(List<Recommendation> list) {
        long adopted = list.stream()
                .filter(r -> r.status() == RecommendationStatus.ADOPTED)
                .count();
        long notAdopted = list.stream()
                .filter(r -> r.status() == RecommendationStatus.NOT_ADOPTED)
                .count();
        return new AdoptionSummary(list.size(), adopted, notAdopted, list.size() - adopted - notAdopted);
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
