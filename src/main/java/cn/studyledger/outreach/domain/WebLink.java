package cn.studyledger.outreach.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A form field holding an optional web link, checked by {@link WebLinks} (so the message shows beside it). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WebLink.Validator.class)
public @interface WebLink {

    String message() default WebLinks.MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link WebLinks#isValid}. */
    class Validator implements ConstraintValidator<WebLink, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return WebLinks.isValid(value);
        }
    }
}
