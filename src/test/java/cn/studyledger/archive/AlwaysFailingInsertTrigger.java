package cn.studyledger.archive;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An H2 trigger that refuses every insert into its table, as a crash of the archive import would half way through:
 * the rows of the tables before it (and the files copied for them) are already written when it fires.
 */
public class AlwaysFailingInsertTrigger implements org.h2.api.Trigger {

    static final String MESSAGE = "archive import interrupted on purpose";

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(MESSAGE, "XX000");
    }
}
