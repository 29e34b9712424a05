package cn.studyledger.session.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A 学习测试 as the clerk describes it.
 *
 * @param title what was tested, e.g. 党的二十届三中全会精神应知应会测试
 * @param heldOn the day it was held, within the test's year
 * @param sessionId the session it was held at, if any (of the same organisation)
 * @param note a note, e.g. 闭卷、30道题
 */
public record StudyTestCommand(
        @NotBlank(message = "请填写测试名称") @Size(max = 200, message = "测试名称最长200字")
        String title,

        @NotNull(message = "请填写测试日期") @RecordDate LocalDate heldOn,

        Long sessionId,

        @Size(max = 1000, message = "备注最长1000字") String note) {

    public static StudyTestCommand blank(LocalDate heldOn) {
        return new StudyTestCommand("", heldOn, null, "");
    }
}
