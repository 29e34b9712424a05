package cn.studyledger.outreach.domain;

import cn.studyledger.outreach.JointParticipants;
import cn.studyledger.outreach.PublicitySummary;
import cn.studyledger.outreach.YouthGroupSummary;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads behind {@code OutreachApi}; no scope checks (the caller checked the organisation). */
@Component
@Transactional(readOnly = true)
public class OutreachQueries {

    private final PublicityItemRepository items;
    private final YouthGroupRepository groups;
    private final JointLinkRepository links;

    OutreachQueries(PublicityItemRepository items, YouthGroupRepository groups, JointLinkRepository links) {
        this.items = items;
        this.groups = groups;
        this.links = links;
    }

    public List<PublicitySummary> publicity(long orgId, int year) {
        return items
                .findByOrgIdAndPublishedOnBetweenOrderByPublishedOnAscIdAsc(
                        orgId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .stream()
                .map(i -> new PublicitySummary(i.getId(), i.channel(), i.column(), i.title(), i.publishedOn()))
                .toList();
    }

    public List<YouthGroupSummary> youthGroups(long orgId) {
        return groups.findByOrgIdOrderByNameAsc(orgId).stream()
                .map(g -> new YouthGroupSummary(g.getId(), g.name(), g.leaderPersonId(), g.memberIds(), g.isActive()))
                .toList();
    }

    public JointParticipants jointParticipants(long sessionId) {
        return links.findBySessionId(sessionId)
                .map(l -> new JointParticipants(sessionId, l.youthGroupIds(), l.branchIds()))
                .orElse(new JointParticipants(sessionId, List.of(), List.of()));
    }
}
