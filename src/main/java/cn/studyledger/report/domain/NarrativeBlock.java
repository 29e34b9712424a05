package cn.studyledger.report.domain;

import cn.studyledger.common.BaseEntity;
import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.report.BlockKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * One block of a report revision's narrative, in its place: text with figure tokens ({@code {{sessions.collective}}}).
 * A HEADING2 has a heading (（一）… lead sentence, 楷体) and a body that follows in the same paragraph; a
 * SIGNATURE has the issuing organisation as heading and the date as body. Each block carries its own version, so
 * two people editing different paragraphs do not collide.
 */
@Entity
@Table(name = "report_block")
class NarrativeBlock extends BaseEntity {

    static final int MAX_HEADING = 500;
    static final int MAX_BODY = 8000;

    @Column(name = "report_id", nullable = false, updatable = false)
    private long reportId;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private BlockKind kind;

    @Column(nullable = false, updatable = false)
    private String section;

    private String heading;

    private String body;

    @Column(name = "proposal_id", updatable = false)
    private Long proposalId;

    protected NarrativeBlock() {}

    NarrativeBlock(
            long reportId, int position, BlockKind kind, String section, String heading, String body, Long proposalId) {
        this.reportId = reportId;
        this.position = position;
        this.kind = kind;
        this.section = section;
        this.heading = heading;
        this.body = body;
        this.proposalId = proposalId;
    }

    NarrativeBlock copyTo(long otherReportId) {
        return new NarrativeBlock(otherReportId, position, kind, section, heading, body, proposalId);
    }

    void rewrite(String newHeading, String newBody) {
        if (kind == BlockKind.HEADING2 || kind == BlockKind.SIGNATURE) {
            if (newHeading == null || newHeading.isBlank()) {
                throw new BusinessRuleException(kind == BlockKind.HEADING2 ? "请填写小标题" : "请填写落款单位");
            }
            heading = limit(newHeading.trim(), MAX_HEADING, "标题");
        }
        if (kind != BlockKind.HEADING2 && (newBody == null || newBody.isBlank())) {
            throw new BusinessRuleException("段落内容不能为空");
        }
        body = newBody == null ? "" : limit(newBody.strip(), MAX_BODY, "段落");
        touch();
    }

    /** Renumbers a kept proposal's heading: （一）, （二）… in the order of its section. */
    void renumber(String numeral) {
        String rest = heading == null ? "" : heading.replaceFirst("^（[一二三四五六七八九十]+）", "");
        heading = "（" + numeral + "）" + rest;
        touch();
    }

    void moveTo(int newPosition) {
        position = newPosition;
    }

    private static String limit(String text, int max, String what) {
        if (text.length() > max) {
            throw new BusinessRuleException(what + "最长" + max + "字");
        }
        return text;
    }

    long reportId() {
        return reportId;
    }

    int position() {
        return position;
    }

    BlockKind kind() {
        return kind;
    }

    String section() {
        return section;
    }

    String heading() {
        return heading;
    }

    String body() {
        return body;
    }

    Long proposalId() {
        return proposalId;
    }
}
