package cn.studyledger.archive.domain;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyledger.IntegrationTest;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every table of the schema is decided for the year archive: archived (an organisation's records) or left out with
 * a reason. A migration that adds a table fails here until someone decides, so an account-like table (codes,
 * tokens, lockout counters) can never slip into an archive by having a foreign key to an archived one. Every
 * archived table reaches an organisation (an organisation column, a parent record) or is carried only where a
 * record refers to it; a secret column can be left out of an insert; nothing archived depends on a table left out.
 */
@IntegrationTest
class ArchiveCatalogueTests {

    @Autowired
    DataSource dataSource;

    @Test
    void everyTableIsArchivedOrLeftOutWithAReasonAndEveryArchivedTableIsScoped() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            DataModel model = DataModel.read(connection);
            assertThat(model.unclassified())
                    .as("tables in neither ArchiveCatalogue.ARCHIVED nor ArchiveCatalogue.LEFT_OUT")
                    .isEmpty();
            assertThat(model.unscoped())
                    .as("archived tables that reach no organisation and that no record refers to")
                    .isEmpty();
            assertThat(model.tables()).hasSize(ArchiveCatalogue.ARCHIVED.size());
            for (DataModel.Table table : model.tables()) {
                assertThat(table.secretColumns())
                        .as(table.name() + ": a secret column must be nullable or have a default")
                        .allMatch(DataModel.Column::optional);
                assertThat(table.foreignKeys())
                        .as(table.name() + " refers to a table the archive leaves out")
                        .allMatch(fk -> ArchiveCatalogue.ARCHIVED.contains(fk.parentTable()));
            }
            assertThat(model.table("session_study_session").secretColumns())
                    .extracting(DataModel.Column::name)
                    .containsExactly("checkin_secret");
            assertThat(model.table("common_stored_file").kind()).isEqualTo(DataModel.Kind.REFERENCED);
        }
    }
}
