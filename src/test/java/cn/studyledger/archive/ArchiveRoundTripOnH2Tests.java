package cn.studyledger.archive;

import cn.studyledger.IntegrationTest;
import java.util.List;
import java.util.UUID;

/** The archive round trip from the demo installation on H2 into an empty installation on H2. */
@IntegrationTest
class ArchiveRoundTripOnH2Tests extends ArchiveRoundTripTests {

    @Override
    List<String> emptyDatabase() {
        return List.of("--spring.datasource.url=jdbc:h2:mem:restore-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }
}
