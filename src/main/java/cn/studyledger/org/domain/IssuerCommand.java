package cn.studyledger.org.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The names the organisation's documents are issued under, as its 学习秘书 sets them.
 *
 * @param issuer the short name for titles and text, e.g. X局生态环境监测中心党委
 * @param issuerFull the full name for the signature, e.g. 中共X局生态环境监测中心委员会
 */
public record IssuerCommand(
        @NotBlank(message = "请填写发文单位简称") @Size(max = 100, message = "发文单位简称最长100字")
        String issuer,

        @NotBlank(message = "请填写发文单位全称") @Size(max = 100, message = "发文单位全称最长100字")
        String issuerFull) {}
