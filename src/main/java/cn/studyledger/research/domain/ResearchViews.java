package cn.studyledger.research.domain;

import cn.studyledger.research.AdoptionSummary;
import cn.studyledger.research.RecommendationStatus;
import cn.studyledger.session.SessionStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Read models of research topics and recommendations for pages and the API. */
public final class ResearchViews {

    private ResearchViews() {}

    /** A person to choose from. */
    public record PersonOption(long id, String name, String position) {}

    /**
     * A row of the topic list.
     *
     * @param adoptionRate adopted / proposed in percent; null while nothing is proposed
     */
    public record TopicRow(
            long id,
            int year,
            String title,
            String keyTask,
            String leadName,
            int discussions,
            long recommendations,
            long adopted,
            BigDecimal adoptionRate) {}

    /**
     * The year at a glance, above the topic list.
     *
     * @param topics research topics of the year
     * @param adoption the recommendations proposed in the year and how they fared
     */
    public record YearSummary(int year, long topics, AdoptionSummary adoption) {}

    /** Everything a topic's page shows. */
    public record TopicDetail(
            long id,
            String orgCode,
            int year,
            String title,
            String keyTask,
            long leadPersonId,
            String leadName,
            String summary,
            long version,
            List<DiscussionRow> discussions,
            List<RecommendationView> recommendations,
            long proposed,
            long adopted,
            BigDecimal adoptionRate) {

        public TopicCommand toCommand() {
            return new TopicCommand(year, title, keyTask, leadPersonId, summary);
        }
    }

    /**
     * A session that discussed the topic.
     *
     * @param agendaTitle the RESEARCH_TOPIC 议题 it was discussed under; null when the session's agenda changed since
     */
    public record DiscussionRow(
            long id,
            long sessionId,
            long agendaItemId,
            LocalDate sessionDate,
            String sessionTitle,
            SessionStatus sessionStatus,
            String agendaTitle) {}

    /** A RESEARCH_TOPIC agenda item of a session the topic may be linked to. */
    public record DiscussionOption(long sessionId, long agendaItemId, LocalDate sessionDate, String label) {}

    /** A recommendation with its decision. */
    public record RecommendationView(
            long id,
            long topicId,
            String topicTitle,
            String orgCode,
            String content,
            long proposerPersonId,
            String proposerName,
            LocalDate proposedOn,
            RecommendationStatus status,
            String measure,
            String documentNo,
            LocalDate adoptedOn,
            String reason,
            LocalDate decidedOn,
            long version) {

        public RecommendationCommand toCommand() {
            return new RecommendationCommand(content, proposerPersonId, proposedOn);
        }
    }
}
