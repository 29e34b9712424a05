package cn.studyledger.common.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.SaveNotes;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The message a page shows after a post, by its key in {@code messages-*.properties} (the text stays beside the
 * page's other UI text, not in the controller): {@code return Flash.done(redirect, "research.flash.topicDeleted",
 * "/research");}. Arguments fill {@code {0}}, {@code {1}}… as text, so a number reads as written ({@code 1234}).
 */
public final class Flash {

    private Flash() {}

    /** The message at the top of the next page, and the redirect to {@code target}. */
    public static String done(RedirectAttributes redirect, String key, String target, Object... args) {
        put(redirect, "success", key, args);
        return "redirect:" + target;
    }

    /**
     * Runs the action and, on to {@code target}, flashes its message; when a business rule refuses it, its refusal
     * instead, as {@code errorAttribute} (for a small form on a page that has others, e.g. linking a record).
     */
    public static String attempt(
            RedirectAttributes redirect, String errorAttribute, Runnable action, String key, String target) {
        try {
            action.run();
            put(redirect, "success", key);
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute(errorAttribute, e.getMessage());
        }
        return "redirect:" + target;
    }

    /** A flash attribute of the next page (e.g. the refusal beside one form of it) with the text of {@code key}. */
    public static void put(RedirectAttributes redirect, String attribute, String key, Object... args) {
        String text = text(key, args);
        if ("success".equals(attribute)) {
            text = withNotes(text);
        }
        redirect.addFlashAttribute(attribute, text);
    }

    /** The message with the notes other modules added while the request saved ({@link SaveNotes}). */
    private static String withNotes(String text) {
        List<SaveNotes.Note> notes = SaveNotes.current();
        if (notes.isEmpty()) {
            return text;
        }
        return (text.endsWith("。") ? text : text + "。")
                + notes.stream().map(n -> text(n.key(), n.args())).collect(Collectors.joining());
    }

    /** The text of {@code key} in the request's language. */
    public static String text(String key, Object... args) {
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        Object[] texts = Arrays.stream(args).map(String::valueOf).toArray();
        return RequestContextUtils.findWebApplicationContext(request)
                .getMessage(key, texts.length == 0 ? null : texts, LocaleContextHolder.getLocale());
    }
}
