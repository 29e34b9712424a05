package cn.studyledger.outreach.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.events.YearRecord;
import cn.studyledger.outreach.PublicityChannel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A publicity item (宣传): an article, post or notice about the organisation's study, published on a channel
 * and, where the channel has one, in a column (专栏). It is kept as a link to where it appeared, a file (a
 * scan, a photo of the bulletin board) or both — never neither, so every counted item can be shown.
 */
@Entity
@Table(name = "outreach_publicity_item")
class PublicityItem extends BaseEntity implements YearRecord {

    static final String NEEDS_LINK_OR_FILE = "请填写链接或上传文件（至少一项）";

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PublicityChannel channel;

    @Column(name = "column_name")
    private String columnName;

    @Column(nullable = false)
    private String title;

    @Column(name = "published_on", nullable = false)
    private LocalDate publishedOn;

    private String link;

    @Column(name = "file_id")
    private Long fileId;

    private String related;

    /** The session whose issued 学习简报 this item was filed from; null for an item entered by hand. */
    @Column(name = "brief_session_id", updatable = false)
    private Long briefSessionId;

    protected PublicityItem() {}

    PublicityItem(
            long orgId,
            PublicityChannel channel,
            String column,
            String title,
            LocalDate publishedOn,
            String link,
            Long fileId,
            String related) {
        this.orgId = orgId;
        this.fileId = fileId;
        describe(channel, column, title, publishedOn, link, related);
    }

    /** An item filed from a session's issued 学习简报, with the brief's Word file. */
    static PublicityItem fromBrief(
            long orgId, String column, String title, LocalDate issuedOn, long fileId, String related, long sessionId) {
        PublicityItem item = new PublicityItem(
                orgId, PublicityChannel.INTERNAL_JOURNAL, column, title, issuedOn, null, fileId, related);
        item.briefSessionId = sessionId;
        return item;
    }

    /** Sets what the item is; the link must be a web address, and the item keeps a link or a file. */
    void describe(
            PublicityChannel channel, String column, String title, LocalDate publishedOn, String link, String related) {
        String checked = WebLinks.normalize(link);
        requireLinkOrFile(checked, fileId);
        this.channel = channel;
        this.columnName = column;
        this.title = title;
        this.publishedOn = publishedOn;
        this.link = checked;
        this.related = related;
    }

    /** Replaces the file (or adds one); the previous file id is returned, null when there was none. */
    Long replaceFile(long newFileId) {
        Long previous = fileId;
        fileId = newFileId;
        touch();
        return previous;
    }

    /** Drops the file; refused when the item would be left without link or file. */
    void removeFile() {
        if (fileId == null) {
            throw new BusinessRuleException("该宣传报道没有文件");
        }
        requireLinkOrFile(link, null);
        fileId = null;
        touch();
    }

    private static void requireLinkOrFile(String link, Long fileId) {
        if (link == null && fileId == null) {
            throw new BusinessRuleException(NEEDS_LINK_OR_FILE);
        }
    }

    long orgId() {
        return orgId;
    }

    PublicityChannel channel() {
        return channel;
    }

    String column() {
        return columnName;
    }

    String title() {
        return title;
    }

    LocalDate publishedOn() {
        return publishedOn;
    }

    String link() {
        return link;
    }

    Long fileId() {
        return fileId;
    }

    String related() {
        return related;
    }

    Long briefSessionId() {
        return briefSessionId;
    }

    @Override
    public OrgYear countsIn() {
        return OrgYear.of(orgId(), publishedOn());
    }
}
