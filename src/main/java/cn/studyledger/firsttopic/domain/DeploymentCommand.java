package cn.studyledger.firsttopic.domain;

import cn.studyledger.common.validation.RecordDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A deployment (研究部署) decided on an item, optionally at a session. */
public record DeploymentCommand(
        @NotBlank(message = "请填写部署内容") @Size(max = 1000, message = "部署内容最长1000字")
        String decision,

        @NotNull(message = "请填写部署日期") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @RecordDate
        LocalDate decidedOn,

        Long sessionId) {}
