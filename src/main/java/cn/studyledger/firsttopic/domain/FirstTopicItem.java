package cn.studyledger.firsttopic.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.events.YearRecord;
import cn.studyledger.firsttopic.ItemScope;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** A first-topic item (第一议题) of the register, with the sessions that studied it. */
@Entity
@Table(name = "firsttopic_item")
class FirstTopicItem extends BaseEntity implements YearRecord {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(nullable = false)
    private String title;

    @Column(name = "published_on", nullable = false)
    private LocalDate publishedOn;

    @Column(nullable = false)
    private String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ItemScope scope;

    private String summary;

    private String link;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "item_id", nullable = false)
    @OrderBy("id")
    @BatchSize(size = 50)
    private List<Study> studies = new ArrayList<>();

    protected FirstTopicItem() {}

    FirstTopicItem(long orgId) {
        this.orgId = orgId;
    }

    /**
     * Sets what the item is. The publication date cannot move past a session that already studied the item.
     *
     * @param earliestStudy date of the earliest session linked to the item, null when none is
     */
    void describe(
            String title,
            LocalDate publishedOn,
            String source,
            ItemScope scope,
            String summary,
            String link,
            LocalDate earliestStudy) {
        if (earliestStudy != null && publishedOn.isAfter(earliestStudy)) {
            throw new BusinessRuleException("发布日期不能晚于已关联的学习日期（" + earliestStudy + "）");
        }
        this.title = title;
        this.publishedOn = publishedOn;
        this.source = source;
        this.scope = scope;
        this.summary = summary;
        this.link = link;
    }

    /** Records that a session studied the item; a session cannot study what was not yet published. */
    Study studiedIn(long sessionId, long agendaItemId, LocalDate sessionDate) {
        if (studies.stream().anyMatch(s -> s.sessionId() == sessionId)) {
            throw new BusinessRuleException("该议题已关联这次学习");
        }
        if (sessionDate.isBefore(publishedOn)) {
            throw new BusinessRuleException("这次学习的日期（" + sessionDate + "）早于议题的发布日期（" + publishedOn + "），请核对后再关联");
        }
        Study study = new Study(sessionId, agendaItemId);
        studies.add(study);
        touch();
        return study;
    }

    /** Removes a study link entered by mistake. */
    Study unlink(long studyId) {
        Study study = studies.stream()
                .filter(s -> s.id() != null && s.id() == studyId)
                .findFirst()
                .orElseThrow(() -> new BusinessRuleException("该学习记录不属于本议题"));
        studies.remove(study);
        touch();
        return study;
    }

    long orgId() {
        return orgId;
    }

    String title() {
        return title;
    }

    LocalDate publishedOn() {
        return publishedOn;
    }

    String source() {
        return source;
    }

    ItemScope scope() {
        return scope;
    }

    String summary() {
        return summary;
    }

    String link() {
        return link;
    }

    List<Study> studies() {
        return studies;
    }

    @Override
    public OrgYear countsIn() {
        return OrgYear.of(orgId(), publishedOn());
    }
}
