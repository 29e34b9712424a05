package cn.studyledger.liaison.domain;

import jakarta.validation.constraints.Size;

/** The superior's comment on a filing: optional when accepting, the reason when returning it. */
public record DecisionCommand(
        @Size(max = 500, message = "审核意见不超过500字") String comment) {}
