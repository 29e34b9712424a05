package cn.studyledger.archive;

import cn.studyledger.EmbeddedPostgresInitializer;
import cn.studyledger.PostgresIntegrationTest;
import java.util.List;

/**
 * The archive round trip on real PostgreSQL: exported from the demo installation on PostgreSQL and restored into
 * an empty installation on a fresh PostgreSQL database (identity sequences moved on with setval).
 */
@PostgresIntegrationTest
class ArchiveRoundTripOnPostgresTests extends ArchiveRoundTripTests {

    @Override
    List<String> emptyDatabase() {
        return List.of(
                "--spring.datasource.url=" + EmbeddedPostgresInitializer.newDatabase(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.datasource.driver-class-name=org.postgresql.Driver");
    }
}
