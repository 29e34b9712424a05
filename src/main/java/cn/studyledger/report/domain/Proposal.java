package cn.studyledger.report.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A proposed sentence for 三、存在的问题与不足 or 四、下一步工作打算, made from a rule finding or a figure, with the
 * records that show it. PROPOSED → KEPT (the possibly edited text becomes a block of the section) | DROPPED.
 */
@Entity
@Table(name = "report_proposal")
class Proposal extends BaseEntity {

    static final int MAX_BODY = 2000;

    @Column(name = "report_id", nullable = false, updatable = false)
    private long reportId;

    @Column(nullable = false, updatable = false)
    private String section;

    @Column(name = "source_key", nullable = false, updatable = false)
    private String sourceKey;

    @Column(name = "rule_text", updatable = false)
    private String rule;

    @Column(updatable = false)
    private String finding;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProposalStatus status = ProposalStatus.PROPOSED;

    @Column(name = "block_id")
    private Long blockId;

    @ElementCollection
    @CollectionTable(name = "report_proposal_evidence", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderColumn(name = "position")
    private List<Link> evidence = new ArrayList<>();

    protected Proposal() {}

    Proposal(
            long reportId,
            String section,
            String sourceKey,
            String rule,
            String finding,
            String body,
            List<Link> evidence) {
        this.reportId = reportId;
        this.section = section;
        this.sourceKey = sourceKey;
        this.rule = cut(rule, 500);
        this.finding = cut(finding, 1000);
        this.body = cut(body, MAX_BODY);
        this.evidence.addAll(evidence);
    }

    Proposal copyTo(long otherReportId, Long newBlockId) {
        Proposal copy = new Proposal(otherReportId, section, sourceKey, rule, finding, body, evidence);
        copy.status = status;
        copy.blockId = newBlockId;
        return copy;
    }

    /** PROPOSED → KEPT with the text the user settled on. */
    void keep(String text) {
        requireProposed();
        if (text == null || text.isBlank()) {
            throw new BusinessRuleException("请填写要采用的内容");
        }
        if (text.strip().length() > MAX_BODY) {
            throw new BusinessRuleException("内容最长" + MAX_BODY + "字");
        }
        body = text.strip();
        status = ProposalStatus.KEPT;
    }

    void madeInto(long block) {
        this.blockId = block;
    }

    /** PROPOSED → DROPPED. */
    void drop() {
        requireProposed();
        status = ProposalStatus.DROPPED;
    }

    private void requireProposed() {
        if (status != ProposalStatus.PROPOSED) {
            throw new BusinessRuleException("该建议已" + status.label() + "，不能再次处理");
        }
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() > max ? text.substring(0, max) : text;
    }

    long reportId() {
        return reportId;
    }

    String section() {
        return section;
    }

    String sourceKey() {
        return sourceKey;
    }

    String rule() {
        return rule;
    }

    String finding() {
        return finding;
    }

    String body() {
        return body;
    }

    ProposalStatus status() {
        return status;
    }

    Long blockId() {
        return blockId;
    }

    List<Link> evidence() {
        return evidence;
    }

    /** A record behind the proposal, with the URL of its page. */
    @Embeddable
    static class Link {

        @Column(nullable = false)
        private String title;

        private String url;

        protected Link() {}

        Link(String title, String url) {
            this.title = cut(title, 300);
            this.url = cut(url, 500);
        }

        String title() {
            return title;
        }

        String url() {
            return url;
        }
    }
}
