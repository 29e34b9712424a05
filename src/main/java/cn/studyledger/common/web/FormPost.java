package cn.studyledger.common.web;

import cn.studyledger.common.BusinessRuleException;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's form post, in one place: when the input is valid the action runs and the user is sent on with a flash
 * message (or to the view the action chooses); when the input is invalid, or a business rule refuses the action, the
 * same page is shown again with the input kept and the rule's message beside the form.
 *
 * <pre>{@code
 * return FormPost.of(binding, model, redirect)
 *         .refusedAs("cancellationError", () -> taskPage(id, model))
 *         .run(() -> followUps.cancel(id, version, command), "任务已撤销", "/firsttopic/tasks/" + id);
 * }</pre>
 */
public final class FormPost {

    private final BindingResult binding;
    private final Model model;
    private final RedirectAttributes redirect;
    private String errorAttribute = "error";
    private Supplier<String> page;

    private FormPost(BindingResult binding, Model model, RedirectAttributes redirect) {
        this.binding = binding;
        this.model = model;
        this.redirect = redirect;
    }

    public static FormPost of(BindingResult binding, Model model, RedirectAttributes redirect) {
        return new FormPost(binding, model, redirect);
    }

    /** The page with the form, shown again on invalid input or a refused rule, with the message as the attribute. */
    public FormPost refusedAs(String errorAttribute, Supplier<String> page) {
        this.errorAttribute = errorAttribute;
        this.page = page;
        return this;
    }

    /** Runs the action; then the flash message and the redirect to {@code target}. */
    public String run(Runnable action, String message, String target) {
        return answer(() -> {
            action.run();
            redirect.addFlashAttribute("message", message);
            return "redirect:" + target;
        });
    }

    /** Runs the action, which answers with the view itself (a target known only once it has run). */
    public String answer(Supplier<String> action) {
        if (binding.hasErrors()) {
            return page.get();
        }
        try {
            return action.get();
        } catch (BusinessRuleException e) {
            model.addAttribute(errorAttribute, e.getMessage());
            return page.get();
        }
    }
}
