package cn.studyledger.report.domain;

import cn.studyledger.report.BlockKind;
import cn.studyledger.report.ReportStatus;
import java.time.LocalDateTime;
import java.util.List;

/** What the report editor's pages and API show: records only, never the entities. */
public final class ReportViews {

    private ReportViews() {}

    /**
     * A report revision in the editor.
     *
     * @param id null while the report exists only as the default template (nobody who may edit has opened it)
     * @param period the part of the year it covers: {@code year}, or {@code H1} for the half-year report
     * @param latest whether this is the newest revision of its period
     * @param figures the values behind its tokens (the frozen snapshot of a final revision)
     * @param drifted for a final revision, the figures whose frozen value the records no longer give
     */
    public record Report(
            Long id,
            String orgCode,
            String orgName,
            int year,
            String period,
            int revision,
            ReportStatus status,
            long version,
            boolean latest,
            LocalDateTime finalisedAt,
            Long templateId,
            List<Block> blocks,
            List<ProposalView> proposals,
            List<FigureValue> figures,
            List<Drift> drifted,
            Actions actions) {

        public boolean saved() {
            return id != null;
        }

        public boolean isFinal() {
            return status == ReportStatus.FINAL;
        }

        /**
         * Each 【待补充】 left in the text — a figure without data or a placeholder — with a few characters either
         * side; submitting the report for 定稿 asks the clerk to confirm each one.
         */
        @com.fasterxml.jackson.annotation.JsonProperty("gaps")
        public List<Gap> gaps() {
            List<Gap> gaps = new java.util.ArrayList<>();
            for (Block b : blocks) {
                if (b.id() == null) {
                    continue;
                }
                List<Tokens.Segment> all = new java.util.ArrayList<>(b.headingShown());
                all.addAll(b.bodyShown());
                int n = 0;
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).missing()) {
                        gaps.add(new Gap(
                                b.id() + "." + n++,
                                DefaultTemplate.sectionLabel(b.section()),
                                around(all, i, true) + Tokens.MISSING + around(all, i, false)));
                    }
                }
            }
            return gaps;
        }

        private static String around(List<Tokens.Segment> segments, int at, boolean before) {
            StringBuilder text = new StringBuilder();
            if (before) {
                for (int i = 0; i < at; i++) {
                    text.append(segments.get(i).text());
                }
                return text.length() > GAP_CONTEXT
                        ? "…" + text.substring(text.length() - GAP_CONTEXT)
                        : text.toString();
            }
            for (int i = at + 1; i < segments.size(); i++) {
                text.append(segments.get(i).text());
            }
            return text.length() > GAP_CONTEXT ? text.substring(0, GAP_CONTEXT) + "…" : text.toString();
        }

        /** The short name the report is issued under (frozen with a final revision). */
        public String issuer() {
            return figures.stream()
                    .filter(f -> DefaultTemplate.ISSUER.equals(f.key()))
                    .map(FigureValue::value)
                    .findFirst()
                    .orElse(orgName);
        }
    }

    /** A block with its text as written (tokens) and as shown (segments: tokens resolved, each with its page). */
    public record Block(
            Long id,
            long version,
            BlockKind kind,
            String section,
            String heading,
            String body,
            List<Tokens.Segment> headingShown,
            List<Tokens.Segment> bodyShown,
            boolean fromProposal) {

        public boolean hasMissing() {
            return headingShown.stream().anyMatch(Tokens.Segment::missing)
                    || bodyShown.stream().anyMatch(Tokens.Segment::missing);
        }
    }

    /** A proposed sentence for section 三 or 四, with the rule, the finding and the records behind it. */
    public record ProposalView(
            long id,
            long version,
            String section,
            String sourceKey,
            String rule,
            String finding,
            String body,
            String shown,
            ProposalStatus status,
            List<Link> evidence) {}

    public record Link(String title, String url) {}

    /**
     * A figure of a final revision that the records, changed since, now put differently.
     *
     * @param label the figure's name as users read it
     * @param frozen the value the revision keeps, with its unit ("—" for no data)
     * @param live the value the records give now, with its unit
     * @param evidenceUrl page of the records behind the live value
     */
    public record Drift(String label, String frozen, String live, String evidenceUrl) {}

    /** What the current user may do with the revision now. */
    public record Actions(
            boolean edit, boolean submit, boolean finalise, boolean sendBack, boolean reopen, boolean export) {}

    /** Characters of text shown either side of a 【待补充】 left in the report. */
    static final int GAP_CONTEXT = 16;

    /**
     * A 【待补充】 left in a saved block.
     *
     * @param id the block's id and the gap's place in it ({@code 12.0}), what a confirmation names
     * @param section the section it is in, e.g. 三、存在的问题与不足
     * @param context the text around it
     */
    public record Gap(String id, String section, String context) {}

    /** A revision in the history list. */
    public record Revision(int revision, ReportStatus status, LocalDateTime finalisedAt, List<Decision> decisions) {}

    public record Decision(String action, String actor, LocalDateTime at, String comment) {}

    /** An uploaded template. */
    public record Template(long id, String name, List<String> tags, LocalDateTime uploadedAt, String uploadedBy) {}
}
