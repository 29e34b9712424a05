package cn.studyledger.common;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Notes a module adds, while a request saves something, to the success message of the next page: another module's
 * consequence of the save that the user should know (the year's annual report is final, so its figures will differ
 * from the records). Kept for the request only, so a post that is refused shows none; nothing outside a web request
 * (a scheduled job, the command line). {@code common.web.Flash} appends them, by their message keys, to the message.
 */
public final class SaveNotes {

    private static final String ATTRIBUTE = SaveNotes.class.getName();

    private SaveNotes() {}

    /**
     * One note by its key in {@code messages-*.properties}, with its arguments.
     *
     * @param key the message key
     * @param args the arguments filling {0}, {1} …
     */
    public record Note(String key, Object... args) {}

    /** Adds the note once: the same key with the same arguments again (two saves of one post) is left out. */
    public static void add(String key, Object... args) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        List<Note> notes = notes(request);
        if (notes.stream().noneMatch(n -> n.key().equals(key) && java.util.Arrays.equals(n.args(), args))) {
            notes.add(new Note(key, args));
        }
    }

    /** The notes of the current request, in the order they were added. */
    public static List<Note> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? List.of() : List.copyOf(notes(request));
    }

    @SuppressWarnings("unchecked")
    private static List<Note> notes(RequestAttributes request) {
        Object notes = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (notes == null) {
            notes = new ArrayList<Note>();
            request.setAttribute(ATTRIBUTE, notes, RequestAttributes.SCOPE_REQUEST);
        }
        return (List<Note>) notes;
    }
}
