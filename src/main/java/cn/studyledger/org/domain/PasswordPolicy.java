package cn.studyledger.org.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The password rule: at least 8 characters from at least three of upper case, lower case, digits, symbols; at
 * most 64 characters and 72 bytes in UTF-8 (BCrypt ignores what follows the 72nd byte, so a longer password would
 * be silently cut: about 24 Chinese characters).
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 8;

    private PasswordPolicy() {}

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> check(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("密码至少" + MIN_LENGTH + "位");
        }
        if (password.length() > 64) {
            return Optional.of("密码最长64位");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > AccountAuthentication.BCRYPT_MAX_BYTES) {
            return Optional.of("密码过长：最多72字节（一个汉字占3字节），请缩短");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            return Optional.of("密码须包含大写字母、小写字母、数字、符号中的至少三类");
        }
        return Optional.empty();
    }
}
