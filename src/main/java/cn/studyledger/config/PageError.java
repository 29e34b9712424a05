package cn.studyledger.config;

import java.io.Serializable;
import java.util.List;

/**
 * A refused form post, carried to the page the form is on (a flash attribute): the message, the path the form was
 * sent to (to find that form on the page) and what the user typed, so the page can show the message above the form
 * and fill the form again. Public for the templates; serializable, as the flash map is kept in the stored session.
 *
 * @param message what the user is told
 * @param action the path the refused form was posted to
 * @param input the submitted fields, a name and a value each, in the order sent (a repeated name once per value)
 */
public record PageError(String message, String action, List<Field> input) implements Serializable {

    /** The flash attribute's name; ends in {@code Error} like every page's refusal. */
    public static final String ATTRIBUTE = "pageError";

    /** One submitted value of a form field. */
    public record Field(String name, String value) implements Serializable {}
}
