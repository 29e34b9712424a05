package cn.studyledger.common.web;

import org.springframework.ui.Model;

/** The model of a page whose form creates or edits one record, the same on every such page. */
public final class FormPage {

    private FormPage() {}

    /**
     * The command the form shows, the record's id under the name the page uses ({@code null} for a new record: the
     * form then creates one) and the version it was read at.
     */
    public static Model fill(Model model, Object command, String idAttribute, Long id, long version) {
        return model.addAttribute("command", command)
                .addAttribute(idAttribute, id)
                .addAttribute("version", version);
    }
}
