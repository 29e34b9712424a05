package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A self-study entry as entered; {@code personId} is only used when the clerk logs for a member. */
public record SelfStudyCommand(
        Long personId,

        @NotNull(message = "请填写学习日期")
        @PastOrPresent(message = "学习日期不能晚于今天")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @RecordDate
        LocalDate date,

        @NotNull(message = "请填写学时")
        @DecimalMin(value = "0.5", message = "学时不少于0.5")
        @DecimalMax(value = "24", message = "学时不超过24")
        @Digits(integer = 2, fraction = 1, message = "学时最多保留一位小数")
        BigDecimal hours,

        @NotBlank(message = "请填写学习内容") @Size(max = 500, message = "学习内容最长500字")
        String content) {}
