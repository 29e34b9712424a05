package cn.studyledger.common.web;

import cn.studyledger.common.BusinessRuleException;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * A page's form post, in one place: when the input is valid the action runs and its view is the answer (a redirect
 * with a flash message, usually); when the input is invalid, or a business rule refuses the action, the same page is
 * shown again with the input kept and the rule's message beside the form.
 */
public final class FormPost {

    private FormPost() {}

    /** What a valid form does; returns the view to answer with. */
    @FunctionalInterface
    public interface Action {
        String run();
    }

    /**
     * @param binding the form's validation result
     * @param model the page's model, which gets the refusal's message as {@code errorAttribute}
     * @param errorAttribute where the page shows a refused rule's message
     * @param action what the form does when its input is valid
     * @param page the page with the form, shown again on invalid input or a refused rule
     */
    public static String submit(
            BindingResult binding, Model model, String errorAttribute, Action action, Supplier<String> page) {
        if (binding.hasErrors()) {
            return page.get();
        }
        try {
            return action.run();
        } catch (BusinessRuleException e) {
            model.addAttribute(errorAttribute, e.getMessage());
            return page.get();
        }
    }
}
