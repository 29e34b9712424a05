package cn.studyledger.plan.domain;

import cn.studyledger.session.SessionFormat;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One monthly arrangement (月度安排) as the clerk enters it.
 *
 * @param id the arrangement it changes, when sent inside a whole plan through the API; ignored on the form
 * @param month 1–12
 * @param topic 学习主题
 * @param format planned 学习形式
 * @param leadPersonId 领学人, a member of the year's central group, may be null
 * @param materials 学习材料, free text
 */
public record ArrangementCommand(
        Long id,

        @NotNull(message = "请选择月份") @Min(value = 1, message = "月份应为1至12") @Max(value = 12, message = "月份应为1至12")
        Integer month,

        @NotBlank(message = "请填写学习主题") @Size(max = 200, message = "学习主题最长200字")
        String topic,

        @NotNull(message = "请选择计划形式") SessionFormat format,
        Long leadPersonId,
        @Size(max = 1000, message = "学习材料最长1000字") String materials) {

    /** An empty form for the given month. */
    public static ArrangementCommand blank(int month) {
        return new ArrangementCommand(null, month, "", SessionFormat.COLLECTIVE, null, "");
    }
}
