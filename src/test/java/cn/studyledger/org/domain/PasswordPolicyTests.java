package cn.studyledger.org.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void refusesShortPasswords() {
        assertThat(PasswordPolicy.check("Ab1!")).contains("密码至少8位");
    }

    @Test
    void refusesPasswordsWithOnlyTwoCharacterClasses() {
        assertThat(PasswordPolicy.check("abcdefgh12"))
                .hasValueSatisfying(r -> assertThat(r).contains("至少三类"));
    }

    @Test
    void acceptsEightCharactersOfThreeClasses() {
        assertThat(PasswordPolicy.check("Demo@2025")).isEmpty();
        assertThat(PasswordPolicy.check("abcdef1!")).isEmpty();
    }

    @Test
    void refusesPasswordsLongerThanBcryptsSeventyTwoBytes() {
        // 4 + 23 × 3 = 73 bytes in 27 characters: within 64 characters, beyond what BCrypt reads
        assertThat(PasswordPolicy.check("Aa1!" + "密".repeat(23)))
                .hasValueSatisfying(r -> assertThat(r).contains("最多72字节"));
        assertThat(PasswordPolicy.check("Aa1!" + "密".repeat(22))).isEmpty();
    }
}
