package cn.studyledger;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class or method needs these programs ({@link RequiredTools}): without them it is skipped with the reason,
 * except under {@code CI=true}, where a missing tool is a failure.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RequiredTools.class)
public @interface Requires {
    Tool[] value();
}
