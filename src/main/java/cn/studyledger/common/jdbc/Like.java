package cn.studyledger.common.jdbc;

/**
 * Search text for a {@code like} with {@code escape '!'}: the wildcards {@code %} and {@code _} typed in a search
 * box are matched as themselves, not as "anything" (a search for "%" must not list every record).
 */
public final class Like {

    /** The escape character the queries name: {@code ... like concat('%', :q, '%') escape '!'}. */
    public static final char ESCAPE = '!';

    private Like() {}

    /** The text with {@code !}, {@code %} and {@code _} escaped by {@code !}; {@code ""} stays {@code ""}. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
