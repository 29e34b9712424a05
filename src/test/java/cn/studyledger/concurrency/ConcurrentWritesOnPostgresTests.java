package cn.studyledger.concurrency;

import cn.studyledger.EmbeddedPostgresInitializer;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link ConcurrentWritesTests} on a real PostgreSQL, whose locking differs from H2's (an insert on a key another
 * transaction is inserting waits for it; a failed statement aborts the transaction).
 */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class ConcurrentWritesOnPostgresTests extends ConcurrentWritesTests {}
