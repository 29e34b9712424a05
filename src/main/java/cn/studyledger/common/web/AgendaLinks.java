package cn.studyledger.common.web;

import java.util.function.LongConsumer;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Linking a record to the agenda item of a session it was taken up in (a first-topic item to its study, a research
 * topic to its discussion): the small form under the record's links (template {@code agenda-links}). Its texts are
 * the keys {@code <keys>.missing} (no agenda item chosen) and {@code <keys>.linked}, beside the template's own.
 */
public final class AgendaLinks {

    private AgendaLinks() {}

    /** Links the chosen agenda item and goes back to {@code target}; a refusal is shown as {@code errorAttribute}. */
    public static String link(
            RedirectAttributes redirect,
            String errorAttribute,
            Long agendaItemId,
            LongConsumer link,
            String keys,
            String target) {
        if (agendaItemId == null) {
            Flash.put(redirect, errorAttribute, keys + ".missing");
            return "redirect:" + target;
        }
        return Flash.attempt(redirect, errorAttribute, () -> link.accept(agendaItemId), keys + ".linked", target);
    }
}
