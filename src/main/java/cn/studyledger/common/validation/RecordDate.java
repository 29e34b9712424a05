package cn.studyledger.common.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The date of a study record (a session, a self-study entry, a due date …): within the years of
 * {@link InputLimits} ({@code ledger.input.first-year} … {@code last-year}, default 2000–2100). Every date a form
 * or the API binds carries this or {@link BirthDate} ({@code EveryBoundDateIsCheckedTests} checks it).
 */
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = DateBoundsValidator.Record.class)
public @interface RecordDate {

    String message() default "日期须在 {first} 年至 {last} 年之间";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
