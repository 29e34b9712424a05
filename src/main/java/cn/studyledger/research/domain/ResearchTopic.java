package cn.studyledger.research.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.events.YearRecord;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** A research topic (研讨课题) of a year: the key task it serves, its lead member and the sessions that discussed it. */
@Entity
@Table(name = "research_topic")
class ResearchTopic extends BaseEntity implements YearRecord {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "topic_year", nullable = false)
    private int year;

    @Column(nullable = false)
    private String title;

    @Column(name = "key_task", nullable = false)
    private String keyTask;

    @Column(name = "lead_person_id", nullable = false)
    private long leadPersonId;

    private String summary;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "topic_id", nullable = false)
    @OrderBy("id")
    @BatchSize(size = 50)
    private List<Discussion> discussions = new ArrayList<>();

    protected ResearchTopic() {}

    ResearchTopic(long orgId) {
        this.orgId = orgId;
    }

    /** Sets what the topic is; its year cannot move away from the sessions that already discussed it. */
    void describe(int year, String title, String keyTask, long leadPersonId, String summary) {
        if (this.year != 0 && year != this.year && !discussions.isEmpty()) {
            throw new BusinessRuleException("课题已关联" + this.year + "年的研讨，不能改到" + year + "年；请先取消关联");
        }
        this.year = year;
        this.title = title;
        this.keyTask = keyTask;
        this.leadPersonId = leadPersonId;
        this.summary = summary;
    }

    /** Records that a session of the topic's year discussed it under one of its RESEARCH_TOPIC agenda items. */
    Discussion discussedIn(long sessionId, long agendaItemId, LocalDate sessionDate) {
        if (discussions.stream().anyMatch(d -> d.sessionId() == sessionId)) {
            throw new BusinessRuleException("该课题已关联这次学习");
        }
        if (sessionDate.getYear() != year) {
            throw new BusinessRuleException("只能关联" + year + "年度的学习，所选学习在" + sessionDate + "举行");
        }
        Discussion discussion = new Discussion(sessionId, agendaItemId);
        discussions.add(discussion);
        touch();
        return discussion;
    }

    /** Removes a link entered by mistake. */
    Discussion unlink(long discussionId) {
        Discussion discussion = discussions.stream()
                .filter(d -> d.id() != null && d.id() == discussionId)
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("该研讨记录不属于本课题"));
        discussions.remove(discussion);
        touch();
        return discussion;
    }

    long orgId() {
        return orgId;
    }

    int year() {
        return year;
    }

    String title() {
        return title;
    }

    String keyTask() {
        return keyTask;
    }

    long leadPersonId() {
        return leadPersonId;
    }

    String summary() {
        return summary;
    }

    List<Discussion> discussions() {
        return discussions;
    }

    @Override
    public OrgYear countsIn() {
        return new OrgYear(orgId(), year());
    }
}
