package cn.studyledger.session.domain;

import cn.studyledger.common.validation.RecordDate;
import cn.studyledger.session.AgendaKind;
import cn.studyledger.session.LearningMode;
import cn.studyledger.session.SessionFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the clerk enters for a session, on the form or through the API.
 *
 * @param reason why a held session is changed (更正原因): required then, recorded on the session; unused before
 * @param enlarged 扩大学习: people other than the group's members take part (absent: no)
 */
public record SessionCommand(
        @NotBlank(message = "请填写学习主题") @Size(max = 200, message = "学习主题最长200字")
        String title,

        @NotNull(message = "请填写学习日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate date,

        @DateTimeFormat(pattern = "HH:mm") LocalTime startTime,

        @NotNull(message = "请填写学习时长")
        @DecimalMin(value = "0.5", message = "学习时长不少于0.5小时")
        @DecimalMax(value = "24", message = "学习时长不超过24小时")
        BigDecimal durationHours,

        @Size(max = 200, message = "地点最长200字") String place,
        @NotNull(message = "请选择学习形式") SessionFormat format,
        Long presiderPersonId,
        Long recorderPersonId,
        Set<LearningMode> learningModes,
        Long lecturerPersonId,
        @Size(max = 200, message = "辅导报告题目最长200字") String lectureTitle,
        @Valid @Size(max = 20, message = "议题最多20项") List<AgendaLine> agenda,
        @Size(max = 500, message = "更正原因最长500字") String reason,
        Boolean enlarged) {

    public SessionCommand {
        agenda = agenda == null
                ? List.of()
                : agenda.stream()
                        .filter(a -> a != null
                                && (a.sourceId() != null
                                        || a.title() != null && !a.title().isBlank()))
                        .toList();
        learningModes = learningModes == null ? Set.of() : Set.copyOf(learningModes);
        enlarged = Boolean.TRUE.equals(enlarged);
    }

    /**
     * One 议题 line of the form.
     *
     * @param sourceId the first-topic item or research topic the line studies, among those offered for its kind
     *     ({@code AgendaSource}); without a title the line is called after it
     * @param id the session's agenda item the line edits, so it keeps its identity (and the links to it); null for
     *     a new line
     */
    public record AgendaLine(
            @NotNull(message = "请选择议题类型") AgendaKind kind,
            @Size(max = 300, message = "议题最长300字") String title,
            Long sourceId,
            Long id) {

        public AgendaLine(AgendaKind kind, String title) {
            this(kind, title, null, null);
        }
    }

    /**
     * An empty form with sensible defaults: the given day at nine, half a day, collective study, no agenda yet (the
     * form shows one empty 第一议题 row; blank rows are never kept).
     */
    public static SessionCommand blank(LocalDate date) {
        return new SessionCommand(
                "",
                date,
                LocalTime.of(9, 0),
                new BigDecimal("3"),
                "",
                SessionFormat.COLLECTIVE,
                null,
                null,
                Set.of(LearningMode.LEAD),
                null,
                null,
                List.of(),
                null,
                false);
    }
}
