package cn.studyledger.firsttopic.domain;

import cn.studyledger.firsttopic.InspectionRating;
import cn.studyledger.firsttopic.ItemScope;
import cn.studyledger.firsttopic.StudyTimeliness;
import cn.studyledger.firsttopic.TaskStatus;
import cn.studyledger.session.SessionStatus;
import java.time.LocalDate;
import java.util.List;

/** Read models of the first topic for pages and the API. */
public final class FirstTopicViews {

    private FirstTopicViews() {}

    /** A row of the register. */
    public record ItemRow(
            long id,
            String title,
            LocalDate publishedOn,
            String source,
            ItemScope scope,
            int studies,
            LocalDate firstStudiedOn,
            Long lagDays,
            StudyTimeliness timeliness) {}

    /** Everything an item's page shows. */
    public record ItemDetail(
            long id,
            String orgCode,
            String title,
            LocalDate publishedOn,
            String source,
            ItemScope scope,
            String summary,
            String link,
            long version,
            List<StudyRow> studies,
            LocalDate firstStudiedOn,
            Long lagDays,
            StudyTimeliness timeliness,
            List<DeploymentView> deployments,
            List<InspectionRow> inspections) {

        public ItemCommand toCommand() {
            return new ItemCommand(title, publishedOn, source, scope, summary, link);
        }
    }

    /**
     * A session that studied the item.
     *
     * @param agendaTitle the FIRST_TOPIC 议题 it was studied under; null when the session's agenda changed since
     */
    public record StudyRow(
            long id,
            long sessionId,
            long agendaItemId,
            LocalDate sessionDate,
            String sessionTitle,
            SessionStatus sessionStatus,
            String agendaTitle) {}

    /** A FIRST_TOPIC agenda item of a session the item may be linked to. */
    public record StudyOption(long sessionId, long agendaItemId, LocalDate sessionDate, String label) {}

    /** A deployment with its tasks. */
    public record DeploymentView(
            long id,
            long itemId,
            String decision,
            LocalDate decidedOn,
            Long sessionId,
            String sessionTitle,
            List<TaskRow> tasks) {}

    /** A row of the task list. */
    public record TaskRow(
            long id,
            long itemId,
            String itemTitle,
            long deploymentId,
            String title,
            long ownerPersonId,
            String ownerName,
            LocalDate dueOn,
            TaskStatus status,
            LocalDate doneOn,
            boolean overdue,
            long daysOverdue,
            boolean doneOnTime,
            long version) {}

    /** Everything a task's page shows. */
    public record TaskDetail(
            TaskRow task,
            String orgCode,
            String deploymentDecision,
            LocalDate deployedOn,
            String evidence,
            Long evidenceFileId,
            String evidenceFileName,
            String cancelReason,
            LocalDate cancelledOn,
            List<InspectionRow> inspections) {}

    /** One inspection of a task. */
    public record InspectionRow(long id, long taskId, LocalDate inspectedOn, String finding, InspectionRating rating) {}
}
