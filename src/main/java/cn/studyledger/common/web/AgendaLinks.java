package cn.studyledger.common.web;

import java.util.function.LongConsumer;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Linking a record to the agenda item of a session it was taken up in (a first-topic item to its study, a research
 * topic to its discussion): the small form under the record's links (template {@code agenda-links}).
 *
 * @param errorAttribute the flash attribute the page shows a refusal as, beside the form
 * @param keys the prefix of the texts: {@code <keys>.missing} (no agenda item chosen) and {@code <keys>.linked},
 *     beside the template's own
 */
public record AgendaLinks(String errorAttribute, String keys) {

    /** Links the chosen agenda item and goes back to {@code target}. */
    public String link(RedirectAttributes redirect, Long agendaItemId, LongConsumer link, String target) {
        if (agendaItemId == null) {
            Flash.put(redirect, errorAttribute, keys + ".missing");
            return "redirect:" + target;
        }
        return Flash.attempt(redirect, errorAttribute, () -> link.accept(agendaItemId), keys + ".linked", target);
    }
}
