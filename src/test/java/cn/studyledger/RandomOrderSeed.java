package cn.studyledger;

import java.security.SecureRandom;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The seed of the random method order (junit-platform.properties): the one given with
 * {@code -Djunit.jupiter.execution.order.random.seed=…}, or a new one, set before any test class is discovered and
 * printed, so a failing order can be replayed (docs/testing.md). JUnit itself only logs its own seed at a level
 * nobody sees.
 */
public final class RandomOrderSeed implements LauncherSessionListener {

    static final String PROPERTY = "junit.jupiter.execution.order.random.seed";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String seed = System.getProperty(PROPERTY);
        if (seed == null || seed.isBlank()) {
            seed = String.valueOf(new SecureRandom().nextLong());
            System.setProperty(PROPERTY, seed);
        }
        System.out.println("Test methods run in random order; to reproduce it use flag -D" + PROPERTY + "=" + seed);
    }
}
