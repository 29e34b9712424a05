package cn.studyledger.common.validation;

/**
 * What a text from a user may contain: no NUL or other control character but tab, line feed and carriage return,
 * no lone surrogate and no U+FFFE/U+FFFF. PostgreSQL refuses NUL, and none of them can be written into a .docx or
 * .xlsx (XML 1.0), so such a text would be stored but break every document made from it.
 */
public final class PlainText {

    public static final String MESSAGE = "提交的内容含有不允许的控制字符或无效字符，请删除后重试";

    private PlainText() {}

    public static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
