package cn.studyledger.common.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.function.BiPredicate;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Checks {@link RecordDate} and {@link BirthDate} against the bounds of {@link InputLimits}; an empty date passes. */
abstract class DateBoundsValidator<A extends Annotation> implements ConstraintValidator<A, LocalDate> {

    private final InputLimits limits;
    private final BiPredicate<InputLimits, LocalDate> within;

    DateBoundsValidator(InputLimits limits, BiPredicate<InputLimits, LocalDate> within) {
        this.limits = limits;
        this.within = within;
    }

    @Override
    public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
        if (value == null || within.test(limits, value)) {
            return true;
        }
        context.unwrap(HibernateConstraintValidatorContext.class)
                .addMessageParameter("first", limits.firstYear())
                .addMessageParameter("last", limits.lastYear())
                .addMessageParameter("earliest", limits.earliestBirthDate());
        return false;
    }

    static final class Record extends DateBoundsValidator<RecordDate> {
        Record(InputLimits limits) {
            super(limits, InputLimits::isRecordDate);
        }
    }

    static final class Birth extends DateBoundsValidator<BirthDate> {
        Birth(InputLimits limits) {
            super(limits, InputLimits::isBirthDate);
        }
    }
}
