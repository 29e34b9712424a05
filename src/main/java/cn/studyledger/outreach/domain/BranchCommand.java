package cn.studyledger.outreach.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A partner Party branch as entered: its name and an optional note (e.g. 所属部门、支部书记). */
public record BranchCommand(
        @NotBlank(message = "请填写党支部名称") @Size(max = 100, message = "党支部名称最长100字")
        String name,

        @Size(max = 200, message = "说明最长200字") String note) {}
