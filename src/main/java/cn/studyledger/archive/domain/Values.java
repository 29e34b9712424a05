package cn.studyledger.archive.domain;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * How a cell travels through {@code data/<table>.jsonl}: the header line names each column's JDBC type, and the
 * value is JSON null, a JSON number (integers), a JSON boolean, or a string (text; decimals in plain notation;
 * dates, times and timestamps in ISO-8601; binary in Base64).
 */
final class Values {

    private Values() {}

    static Object read(ResultSet rs, int index, int sqlType) throws SQLException {
        Object value;
        switch (sqlType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                long v = rs.getLong(index);
                value = rs.wasNull() ? null : v;
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean v = rs.getBoolean(index);
                value = rs.wasNull() ? null : v;
            }
            case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                BigDecimal v = rs.getBigDecimal(index);
                value = v == null ? null : v.toPlainString();
            }
            case Types.DATE -> value = str(rs.getObject(index, LocalDate.class));
            case Types.TIME -> value = str(rs.getObject(index, LocalTime.class));
            case Types.TIMESTAMP -> value = str(rs.getObject(index, LocalDateTime.class));
            case Types.TIMESTAMP_WITH_TIMEZONE -> value = str(rs.getObject(index, OffsetDateTime.class));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] v = rs.getBytes(index);
                value = v == null ? null : Base64.getEncoder().encodeToString(v);
            }
            default -> value = rs.getString(index);
        }
        return value;
    }

    static void bind(PreparedStatement ps, int index, JsonNode node, int sqlType) throws SQLException {
        if (node == null || node.isNull()) {
            ps.setNull(index, sqlType);
            return;
        }
        switch (sqlType) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                if (!node.isIntegralNumber()) {
                    throw new IllegalArgumentException("整数列的值不是整数：" + node);
                }
                ps.setLong(index, node.longValue());
            }
            case Types.BOOLEAN, Types.BIT -> {
                if (!node.isBoolean()) {
                    throw new IllegalArgumentException("布尔列的值不是布尔值：" + node);
                }
                ps.setBoolean(index, node.booleanValue());
            }
            case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL ->
                ps.setBigDecimal(index, new BigDecimal(node.stringValue()));
            case Types.DATE -> ps.setObject(index, LocalDate.parse(node.stringValue()));
            case Types.TIME -> ps.setObject(index, LocalTime.parse(node.stringValue()));
            case Types.TIMESTAMP -> ps.setObject(index, LocalDateTime.parse(node.stringValue()));
            case Types.TIMESTAMP_WITH_TIMEZONE -> ps.setObject(index, OffsetDateTime.parse(node.stringValue()));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                ps.setBytes(index, Base64.getDecoder().decode(node.stringValue()));
            default -> ps.setString(index, node.stringValue());
        }
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
