package cn.studyledger.org;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * An H2 trigger that refuses to insert a row holding {@link #POISON}, as a crash of the import would halfway
 * through: the rows before it are already written in the same transaction when it fires.
 */
public class FailingInsertTrigger implements org.h2.api.Trigger {

    static final String POISON = "中途失败";

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow != null && Arrays.asList(newRow).contains(POISON)) {
            throw new SQLException("import interrupted on purpose", "XX000");
        }
    }
}
