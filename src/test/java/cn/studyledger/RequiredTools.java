package cn.studyledger;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * The one place that decides what a test does when a program it {@link Requires} is missing: outside CI it is
 * skipped (before its Spring context starts) and the report says what to install; under {@code CI=true}, where
 * {@code .ci/run} has installed everything, a missing tool fails the test instead of letting it pass unseen.
 */
public final class RequiredTools implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback {

    static boolean underCi() {
        return "true".equals(System.getenv("CI"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = missing(context.getElement().orElse(null));
        if (missing == null) {
            return ConditionEvaluationResult.enabled("the tools it needs are installed");
        }
        return underCi()
                ? ConditionEvaluationResult.enabled("CI=true: fails, " + missing)
                : ConditionEvaluationResult.disabled("skipped: " + missing);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        failUnderCi(context.getRequiredTestClass());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        failUnderCi(context.getRequiredTestMethod());
    }

    private static void failUnderCi(AnnotatedElement element) {
        String missing = missing(element);
        if (missing != null && underCi()) {
            throw new AssertionFailedError(missing + "; CI=true, so this is a failure, not a skip");
        }
    }

    /** What the element's {@link Requires} names and is not installed, said with its packages; null if nothing. */
    private static String missing(AnnotatedElement element) {
        if (element == null) {
            return null;
        }
        List<Tool> missing = AnnotationSupport.findAnnotation(element, Requires.class).stream()
                .flatMap(r -> Arrays.stream(r.value()))
                .filter(t -> t.find().isEmpty())
                .distinct()
                .toList();
        if (missing.isEmpty()) {
            return null;
        }
        return "needs " + missing.stream().map(Tool::executable).toList() + " on the PATH (Debian packages "
                + String.join(
                        ", ",
                        missing.stream().map(Tool::debianPackage).distinct().toList()) + ")";
    }
}
