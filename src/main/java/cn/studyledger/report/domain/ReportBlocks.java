package cn.studyledger.report.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.BlockKind;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The narrative blocks of a draft revision: one rewritten by the clerk (version-checked per block, every token
 * known), a kept proposal placed as a numbered （n） paragraph at the end of its section, such a paragraph removed,
 * and the numbering of a section's paragraphs kept in order.
 */
@Component
class ReportBlocks {

    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private final NarrativeBlockRepository blocks;
    private final ReportFigures figures;
    private final RevisionViews views;
    private final AuditLog audit;

    ReportBlocks(NarrativeBlockRepository blocks, ReportFigures figures, RevisionViews views, AuditLog audit) {
        this.blocks = blocks;
        this.figures = figures;
        this.views = views;
        this.audit = audit;
    }

    /** Rewrites one block; refused when someone saved it since ({@link BlockConflictException}) or a token is unknown. */
    ReportViews.Block edit(
            OrgRef org, AnnualReport report, long blockId, long expectedVersion, String heading, String body) {
        NarrativeBlock block = of(report, blockId);
        report.requireEditable();
        if (block.getVersion() != expectedVersion) {
            throw new BlockConflictException();
        }
        requireKnownTokens((heading == null ? "" : heading) + " " + (body == null ? "" : body));
        block.rewrite(heading, body);
        blocks.saveAndFlush(block);
        audit.record(
                AuditAction.UPDATE,
                ReportEditorService.OBJECT,
                report.getId(),
                org.code() + " " + report.title() + "第" + report.revision() + "版：修改"
                        + block.kind().label() + "#" + block.getId() + "（"
                        + DefaultTemplate.sectionLabel(block.section()) + "）");
        return views.block(block, org, report.period());
    }

    /**
     * The kept proposal as the last paragraph of its section (its first sentence the heading), replacing the
     * section's 【待补充】 placeholder; numbered by {@link #renumber} once the proposal points to it.
     */
    NarrativeBlock paragraphOf(AnnualReport report, Proposal proposal) {
        List<NarrativeBlock> section = blocks.findByReportIdOrderByPosition(report.getId()).stream()
                .filter(b -> b.section().equals(proposal.section()))
                .toList();
        section.stream()
                .filter(b -> b.kind() == BlockKind.BODY && Tokens.MISSING.equals(b.body()))
                .forEach(blocks::delete);
        int last = section.stream().mapToInt(NarrativeBlock::position).max().orElse(0);
        String[] parts = split(proposal.body());
        NarrativeBlock block = blocks.save(new NarrativeBlock(
                report.getId(),
                last + 1,
                BlockKind.HEADING2,
                proposal.section(),
                "（一）" + parts[0],
                parts[1],
                proposal.getId()));
        blocks.flush();
        return block;
    }

    /** Removes a paragraph made from a proposal; the template's own blocks are only rewritten. */
    void remove(OrgRef org, AnnualReport report, long blockId, long expectedVersion) {
        report.requireEditable();
        NarrativeBlock block = of(report, blockId);
        if (block.proposalId() == null) {
            throw new BusinessRuleException("只有由问题草稿采用的段落可以删除，模板段落请直接修改文字");
        }
        if (block.getVersion() != expectedVersion) {
            throw new BlockConflictException();
        }
        blocks.delete(block);
        blocks.flush();
        renumber(report.getId(), block.section());
        audit.record(
                AuditAction.DELETE,
                ReportEditorService.OBJECT,
                report.getId(),
                org.code() + " " + report.title() + "删除段落#" + blockId + "（"
                        + DefaultTemplate.sectionLabel(block.section()) + "）");
    }

    /** The paragraphs made from proposals in a section, numbered （一）, （二）… in their order. */
    void renumber(long reportId, String section) {
        int n = 0;
        for (NarrativeBlock b : blocks.findByReportIdOrderByPosition(reportId)) {
            if (b.section().equals(section) && b.proposalId() != null && b.kind() == BlockKind.HEADING2) {
                b.renumber(numeral(n++));
            }
        }
        blocks.flush();
    }

    /** The numeral of the n-th (from 0) numbered paragraph: 一, 二 … 十, 十一 … 九十九. */
    static String numeral(int n) {
        int value = n + 1;
        if (value <= 10) {
            return NUMERALS[value - 1];
        }
        // 十一 … 十九, 二十, 二十一 … 九十九: the way （十一） numbers an eleventh heading
        int tens = value / 10;
        int ones = value % 10;
        return (tens == 1 ? "" : NUMERALS[tens - 1]) + "十" + (ones == 0 ? "" : NUMERALS[ones - 1]);
    }

    void requireKnownTokens(String text) {
        List<String> unknown = Tokens.unknown(text, figures.knownKeys());
        if (!unknown.isEmpty()) {
            throw new BusinessRuleException("以下指标标签不存在，未保存：" + String.join("、", unknown));
        }
    }

    /** A proposal's text as heading (its first sentence) and the rest. */
    static String[] split(String text) {
        int end = text.indexOf('。');
        if (end < 0 || end == text.length() - 1) {
            return new String[] {text, ""};
        }
        return new String[] {text.substring(0, end + 1), text.substring(end + 1)};
    }

    private NarrativeBlock of(AnnualReport report, long blockId) {
        return blocks.findById(blockId)
                .filter(b -> b.reportId() == report.getId())
                .orElseThrow(() -> NotFoundException.of("报告段落"));
    }
}
