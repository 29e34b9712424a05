package cn.studyledger.outreach.domain;

import cn.studyledger.common.BusinessRuleException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The rule for the link of a publicity item: a complete web address with {@code http} or {@code https}, a host,
 * no spaces and no user name in it. Anything else ({@code javascript:}, {@code file:}, a bare path) is refused,
 * because the link is shown to every reader as a clickable address.
 */
public final class WebLinks {

    static final int MAX_LENGTH = 500;
    static final String MESSAGE = "链接应为以 http:// 或 https:// 开头的完整网址";

    private WebLinks() {}

    /** Whether the text is an acceptable link; blank counts as "no link" and is acceptable. */
    public static boolean isValid(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String link = text.strip();
        if (link.length() > MAX_LENGTH || link.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
            return false;
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank()
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The link as stored (trimmed), null for blank; refuses an unacceptable link with a clear message. */
    public static String normalize(String text) {
        if (!isValid(text)) {
            throw new BusinessRuleException(MESSAGE);
        }
        return text == null || text.isBlank() ? null : text.strip();
    }
}
