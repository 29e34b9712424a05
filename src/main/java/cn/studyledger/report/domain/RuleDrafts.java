package cn.studyledger.report.domain;

import cn.studyledger.figure.Period;
import cn.studyledger.org.OrgRef;
import cn.studyledger.report.BlockKind;
import cn.studyledger.report.Finding;
import cn.studyledger.report.FindingSource;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the rules' findings of the records as they are now (every {@link FindingSource}) give sections 三 and 四: a
 * problem and a next step per finding, with the records behind it — proposed to the clerk by {@link ProblemsDraft},
 * and written straight into the year's first download before anything is saved.
 */
@Component
class RuleDrafts {

    static final int MAX_EVIDENCE = 20;

    /** Heads the paragraphs a first download drafts from the rules, so nobody takes them for the clerk's text. */
    static final String DRAFT_NOTE = "【草稿】以下各条依据规则检查结果起草，请在报告编制中核改后采用。";

    private final ObjectProvider<FindingSource> findingSources;

    RuleDrafts(ObjectProvider<FindingSource> findingSources) {
        this.findingSources = findingSources;
    }

    /**
     * The default template as the year's first download shows it, before anything is saved: sections 三 and 四
     * drafted from the findings of the records as they are now (one numbered paragraph per finding, headed by a
     * line that says it is a draft from the rules), or their 【待补充】 where nothing is found. Stores nothing.
     */
    List<DefaultTemplate.Draft> firstDraft(OrgRef org, Period period, List<DefaultTemplate.Draft> template) {
        List<Candidate> candidates = candidates(org, period);
        List<DefaultTemplate.Draft> out = new ArrayList<>();
        for (DefaultTemplate.Draft d : template) {
            List<Candidate> its = candidates.stream()
                    .filter(c -> c.section().equals(d.section()))
                    .toList();
            if (d.kind() != BlockKind.BODY || !Tokens.MISSING.equals(d.body()) || its.isEmpty()) {
                out.add(d);
                continue;
            }
            out.add(new DefaultTemplate.Draft(BlockKind.BODY, d.section(), null, DRAFT_NOTE));
            for (int n = 0; n < its.size(); n++) {
                String[] parts = ReportBlocks.split(its.get(n).body());
                out.add(new DefaultTemplate.Draft(
                        BlockKind.HEADING2, d.section(), "（" + ReportBlocks.numeral(n) + "）" + parts[0], parts[1]));
            }
        }
        return out;
    }

    /** The proposals the findings of the rules make for sections 三 and 四. */
    /**
     * The candidates of the findings; none for part of the year — the rules judge a whole year (不少于12次 a year), so
     * their findings in June would be shortfalls of a year not over: the half-year report's 三 and 四 are the clerk's.
     */
    List<Candidate> candidates(OrgRef org, Period period) {
        List<Candidate> candidates = new ArrayList<>();
        if (!period.wholeYear()) {
            return candidates;
        }
        int year = period.year();
        for (FindingSource source : findingSources.orderedStream().toList()) {
            for (Finding f : source.currentFindings(org.code(), year)) {
                String key = cut(f.ruleKey(), 80) + "#"
                        + Integer.toHexString(
                                f.finding() == null ? 0 : f.finding().hashCode());
                List<Proposal.Link> links = f.evidence().stream()
                        .limit(MAX_EVIDENCE)
                        .map(e -> new Proposal.Link(
                                e.type() + "："
                                        + e.title()
                                        + (e.detail() == null || e.detail().isBlank() ? "" : "（" + e.detail() + "）"),
                                e.url()))
                        .toList();
                if (f.problem() != null && !f.problem().isBlank()) {
                    candidates.add(
                            new Candidate(DefaultTemplate.PROBLEMS, key, f.rule(), f.finding(), f.problem(), links));
                }
                if (f.nextStep() != null && !f.nextStep().isBlank()) {
                    candidates.add(
                            new Candidate(DefaultTemplate.NEXT, key, f.rule(), f.finding(), f.nextStep(), links));
                }
            }
        }
        return candidates;
    }

    private static String cut(String s, int max) {
        String t = s == null ? "" : s;
        return t.length() > max ? t.substring(0, max) : t;
    }

    record Candidate(
            String section, String sourceKey, String rule, String finding, String body, List<Proposal.Link> evidence) {}
}
