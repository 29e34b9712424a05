package cn.studyledger.common.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A person's birth date: not before {@code ledger.input.earliest-birth-date} (default 1920-01-01). A date after today
 * is refused by {@code @PastOrPresent} beside it, with its own message.
 */
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = DateBoundsValidator.Birth.class)
public @interface BirthDate {

    String message() default "出生日期不能早于 {earliest}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
