package cn.studyledger.common.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fragment of the page an htmx request gets: a page handler returns its whole view, and when the request comes
 * from htmx (header {@code HX-Request}) only this fragment of it is rendered (e.g. a list's {@code results} after a
 * search), so no handler chooses between the two itself.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HtmxFragment {

    /** The fragment's name in the page's template, e.g. {@code results}. */
    String value();
}
