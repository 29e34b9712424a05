package cn.studyledger.common.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's form post, in one place: when the input is valid the action runs and the user is sent on with a flash
 * message (or to the view the action chooses); when the input is invalid, or a business rule refuses the action, the
 * same page is shown again with the input kept and the rule's message beside the form. A handler takes it as an
 * argument ({@link FormPostResolver}), after the form's command and its {@code BindingResult}:
 *
 * <pre>{@code
 * String cancel(@PathVariable long id, @RequestParam long version,
 *         @Valid @ModelAttribute("cancellation") CancelCommand command, BindingResult binding, FormPost post) {
 *     return post.refusedAs("cancellationError", model -> taskPage(id, model))
 *             .run(() -> followUps.cancel(id, version, command), "firsttopic.flash.cancel", "/firsttopic/tasks/" + id);
 * }
 * }</pre>
 *
 * The input counts as invalid when any form bound for the request has errors. The messages are keys of
 * {@code messages-*.properties} ({@link Flash}).
 */
public final class FormPost {

    /** Said when typed text cannot be read as what its field holds (a number, a date). */
    public static final String UNREADABLE = "填写的内容格式不正确，请检查后再提交";

    private final Model model;
    private final RedirectAttributes redirect;
    private final HttpServletResponse response;
    private String errorAttribute = "error";
    private Function<Model, String> page;
    private HttpStatus status = HttpStatus.OK;

    FormPost(Model model, RedirectAttributes redirect, HttpServletResponse response) {
        this.model = model;
        this.redirect = redirect;
        this.response = response;
    }

    /** The page with the form, shown again on invalid input or a refused rule, with the message as the attribute. */
    public FormPost refusedAs(String errorAttribute, Function<Model, String> page) {
        this.errorAttribute = errorAttribute;
        this.page = page;
        return this;
    }

    /** The page with the form, its refusal shown as {@code error}. */
    public FormPost refused(Function<Model, String> page) {
        return refusedAs("error", page);
    }

    /** The status of the page shown again (e.g. 422 where a refusal must not read as success). */
    public FormPost status(HttpStatus status) {
        this.status = status;
        return this;
    }

    /** Runs the action; then the flash message (a key, with its arguments) and the redirect to {@code target}. */
    public String run(Runnable action, String key, String target, Object... args) {
        return answer(() -> {
            action.run();
            return done(key, target, args);
        });
    }

    /**
     * Runs the action, which answers with the target (known only once it has run, e.g. the new record's page); then
     * the flash message and the redirect there.
     */
    public String to(Supplier<String> action, String key, Object... args) {
        return answer(() -> done(key, action.get(), args));
    }

    /** Runs the action, which answers with the view itself (a target known only once it has run). */
    public String answer(Supplier<String> action) {
        if (invalid()) {
            if (unmade()) {
                // text where a number or date belongs left the form's record unmade: there is no form to show again,
                // so the page the form is on takes the refusal, with the input (config.PageExceptionHandler)
                throw new InvalidInputException(UNREADABLE);
            }
            return again();
        }
        try {
            return action.get();
        } catch (BusinessRuleException e) {
            model.addAttribute(errorAttribute, e.getMessage());
            return again();
        }
    }

    private String again() {
        if (response != null && status != HttpStatus.OK) {
            response.setStatus(status.value());
        }
        return page.apply(model);
    }

    /** The flash message and the redirect to {@code target}, for a post that has nothing to refuse. */
    public String done(String key, String target, Object... args) {
        return Flash.done(redirect, key, target, args);
    }

    /** The request's model, for a handler that shows its refusal its own way (e.g. beside one row of the page). */
    public Model model() {
        return model;
    }

    /** Whether a form bound for this request could not be made from its input at all (its target is missing). */
    private boolean unmade() {
        return model.asMap().values().stream()
                .anyMatch(value -> value instanceof BindingResult binding && binding.getTarget() == null);
    }

    /** Whether any form bound for this request has errors (its {@code BindingResult} is in the model). */
    public boolean invalid() {
        return model.asMap().values().stream()
                .anyMatch(value -> value instanceof BindingResult binding && binding.hasErrors());
    }
}
