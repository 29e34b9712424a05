package cn.studyledger.org.domain;

import cn.studyledger.org.OrgType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters to create or edit an organisation; code and parent are fixed once created. */
public record OrgCommand(
        @NotBlank(message = "请选择上级组织") String parentCode,

        @NotBlank(message = "请填写组织代码") @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "组织代码只能包含字母、数字和连字符，最长32位")
        String code,

        @NotBlank(message = "请填写组织名称") @Size(max = 100, message = "组织名称最长100字")
        String name,

        @NotNull(message = "请选择组织类型") OrgType type,
        @Size(max = 100, message = "业务领域最长100字") String businessField) {}
