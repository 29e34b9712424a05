package cn.studyledger;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on an in-memory H2 database with the demo data, driven through MockMvc. The demo data is
 * shared by every test of the same context: {@link DatabaseFingerprint} fails a test that leaves it changed. A test
 * that rolls back ({@code @Transactional}) has each request end like a commit ({@link RequestsEndLikeCommits}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DatabaseFingerprint.class)
@SpringBootTest
@AutoConfigureMockMvc
@Import(RequestsEndLikeCommits.class)
@ActiveProfiles({"demo", "test"})
public @interface IntegrationTest {}
