package cn.studyledger;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link IntegrationTest} on a real PostgreSQL (embedded, see {@link EmbeddedPostgresInitializer}) instead of
 * the in-memory H2 database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
public @interface PostgresIntegrationTest {}
