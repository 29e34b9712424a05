package cn.studyledger.rules.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A change to one rule: on or off, its thresholds (those the rule has) and its source, based on the version the
 * editor saw.
 *
 * @param enabled whether the rule is checked (an unticked box arrives as null: off)
 * @param param1 first threshold
 * @param param2 second threshold
 * @param source where the rule comes from
 * @param kinds the kinds that count, for a rule that has them (成员发言, 学习成果); at least one
 * @param version the version the editor saw
 */
public record RuleCommand(
        Boolean enabled,
        BigDecimal param1,
        BigDecimal param2,

        @NotBlank(message = "请填写规则来源") @Size(max = 300, message = "规则来源不超过300字")
        String source,

        @NotNull(message = "缺少版本号") Long version,
        List<String> kinds) {

    public boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }
}
