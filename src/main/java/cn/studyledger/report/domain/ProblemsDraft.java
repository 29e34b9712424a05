package cn.studyledger.report.domain;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditAction;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.org.OrgRef;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The problems draft (问题草稿) of a draft revision: proposals for sections 三 and 四 made from the rules' findings
 * ({@link RuleDrafts}, evaluated on the records as they are, never an older evaluation) with the records
 * behind them, each kept in the clerk's wording as a numbered paragraph or dropped.
 */
@Component
class ProblemsDraft {

    private final ProposalRepository proposals;
    private final ReportBlocks blocks;
    private final RuleDrafts drafts;
    private final AuditLog audit;

    ProblemsDraft(ProposalRepository proposals, ReportBlocks blocks, RuleDrafts drafts, AuditLog audit) {
        this.proposals = proposals;
        this.blocks = blocks;
        this.drafts = drafts;
        this.audit = audit;
    }

    /**
     * One proposal for 三 and one for 四 per finding. Proposals already kept or dropped stay as they are; undecided
     * ones no longer found go. Returns how many were added.
     */
    int propose(OrgRef org, AnnualReport report) {
        report.requireEditable();
        List<RuleDrafts.Candidate> candidates = drafts.candidates(org, report.period());
        List<Proposal> existing = proposals.findByReportIdOrderById(report.getId());
        Set<String> wanted = new HashSet<>();
        candidates.forEach(c -> wanted.add(c.section() + c.sourceKey()));
        Set<String> present = new HashSet<>();
        for (Proposal p : existing) {
            if (p.status() == ProposalStatus.PROPOSED && !wanted.contains(p.section() + p.sourceKey())) {
                proposals.delete(p);
            } else {
                present.add(p.section() + p.sourceKey());
            }
        }
        int added = 0;
        for (RuleDrafts.Candidate c : candidates) {
            if (present.add(c.section() + c.sourceKey())) {
                proposals.save(new Proposal(
                        report.getId(), c.section(), c.sourceKey(), c.rule(), c.finding(), c.body(), c.evidence()));
                added++;
            }
        }
        proposals.flush();
        audit.record(
                AuditAction.UPDATE,
                ReportEditorService.OBJECT,
                report.getId(),
                org.code() + " " + report.title() + "生成问题草稿：新增建议" + added + "条，共" + candidates.size() + "条");
        return added;
    }

    /** Keeps a proposal (with the user's wording): it becomes a numbered （n） paragraph of its section. */
    void keep(OrgRef org, AnnualReport report, long proposalId, long expectedVersion, String text) {
        report.requireEditable();
        Proposal proposal = proposal(report, proposalId);
        proposal.checkVersion(expectedVersion);
        blocks.requireKnownTokens(text);
        proposal.keep(text);
        NarrativeBlock paragraph = blocks.paragraphOf(report, proposal);
        proposal.madeInto(paragraph.getId());
        proposals.saveAndFlush(proposal);
        blocks.renumber(report.getId(), proposal.section());
        audit.record(
                AuditAction.UPDATE,
                ReportEditorService.OBJECT,
                report.getId(),
                org.code() + " " + report.title() + "采用建议#" + proposal.getId() + "（"
                        + DefaultTemplate.sectionLabel(proposal.section()) + "）");
    }

    void drop(OrgRef org, AnnualReport report, long proposalId, long expectedVersion) {
        report.requireEditable();
        Proposal proposal = proposal(report, proposalId);
        proposal.checkVersion(expectedVersion);
        proposal.drop();
        proposals.saveAndFlush(proposal);
        audit.record(
                AuditAction.UPDATE,
                ReportEditorService.OBJECT,
                report.getId(),
                org.code() + " " + report.title() + "不采用建议#" + proposal.getId());
    }

    private Proposal proposal(AnnualReport report, long proposalId) {
        return proposals
                .findById(proposalId)
                .filter(p -> p.reportId() == report.getId())
                .orElseThrow(() -> NotFoundException.of("问题草稿建议"));
    }
}
