package cn.studyledger.org.domain;

import cn.studyledger.common.security.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What an administrator enters to open an account. */
public record AccountCommand(
        @NotBlank(message = "请填写账号") @Pattern(regexp = "[A-Za-z0-9_.-]{3,64}", message = "账号为3至64位字母、数字、下划线、点或连字符")
        String username,

        @NotBlank(message = "请选择所在组织") String orgCode,
        Long personId,
        @NotNull(message = "请选择角色") Role role,
        @NotBlank(message = "请填写初始密码") String initialPassword) {}
