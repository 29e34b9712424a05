package cn.studyledger.supervision.domain;

import jakarta.validation.constraints.Size;

/** The observers' comment on submitted materials: optional when approving, required when returning. */
public record ReviewCommand(
        @Size(max = 1000, message = "审核意见最长1000字") String comment) {}
