package cn.studyledger.org.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * What the system administrator enters to open an account: no role and no password (三员分立: the security
 * administrator grants the roles and issues the one-time first-password code).
 */
public record AccountCommand(
        @NotBlank(message = "请填写账号") @Pattern(regexp = "[A-Za-z0-9_.-]{3,64}", message = "账号为3至64位字母、数字、下划线、点或连字符")
        String username,

        @NotBlank(message = "请选择所在组织") String orgCode,
        Long personId) {}
