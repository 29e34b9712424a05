package cn.studyledger.common;

/** Small rules for the text users type. */
public final class Texts {

    private Texts() {}

    /** The text without surrounding white space (full-width spaces too), or {@code null} when nothing is left. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
