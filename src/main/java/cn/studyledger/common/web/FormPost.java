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
 *         .run(() -> followUps.cancel(id, version, command), "firsttopic.flash.cancel", "/firsttopic/tasks/" + id);
 * }</pre>
 *
 * The messages are keys of {@code messages-*.properties} ({@link Flash}).
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

    /** A form read from request parameters, without bound input to check: only a refused rule shows it again. */
    public static FormPost of(Model model, RedirectAttributes redirect) {
        return new FormPost(null, model, redirect);
    }

    /** The page with the form, shown again on invalid input or a refused rule, with the message as the attribute. */
    public FormPost refusedAs(String errorAttribute, Supplier<String> page) {
        this.errorAttribute = errorAttribute;
        this.page = page;
        return this;
    }

    /** The page with the form, its refusal shown as {@code error}. */
    public FormPost refused(Supplier<String> page) {
        return refusedAs("error", page);
    }

    /** Runs the action; then the flash message (a key, with its arguments) and the redirect to {@code target}. */
    public String run(Runnable action, String key, String target, Object... args) {
        return answer(() -> {
            action.run();
            return Flash.done(redirect, key, target, args);
        });
    }

    /**
     * Runs the action, which answers with the target (known only once it has run, e.g. the new record's page); then
     * the flash message and the redirect there.
     */
    public String to(Supplier<String> action, String key, Object... args) {
        return answer(() -> Flash.done(redirect, key, action.get(), args));
    }

    /** Runs the action, which answers with the view itself (a target known only once it has run). */
    public String answer(Supplier<String> action) {
        if (binding != null && binding.hasErrors()) {
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
