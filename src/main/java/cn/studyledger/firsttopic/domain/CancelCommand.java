package cn.studyledger.firsttopic.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Cancelling a task that is no longer to be done, with the reason. */
public record CancelCommand(
        @NotBlank(message = "撤销任务须说明原因") @Size(max = 500, message = "撤销原因最长500字")
        String reason) {}
