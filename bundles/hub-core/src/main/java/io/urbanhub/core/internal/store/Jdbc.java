package io.urbanhub.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Statement helpers that the store's writes and reads share. */
final class Jdbc {

    private Jdbc() {
    }

    static void setOrNull(PreparedStatement statement, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            statement.setObject(index, value, sqlType);
        }
    }

    /** A property value into the number, text and boolean columns starting at {@code first}; the others null. */
    static void setValue(PreparedStatement statement, int first, Object value) throws SQLException {
        setOrNull(statement, first, value instanceof Number number ? number.doubleValue() : null, Types.DOUBLE);
        setOrNull(statement, first + 1, value instanceof String text ? text : null, Types.VARCHAR);
        setOrNull(statement, first + 2, value instanceof Boolean flag ? flag : null, Types.BOOLEAN);
    }

    static PreparedStatement prepare(Connection connection, String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    /** The value stored in the number, text and boolean columns starting at {@code first}. */
    static Object valueAt(ResultSet result, int first) throws SQLException {
        double number = result.getDouble(first);
        if (!result.wasNull()) {
            return number;
        }
        String text = result.getString(first + 1);
        if (text != null) {
            return text;
        }
        boolean flag = result.getBoolean(first + 2);
        return result.wasNull() ? null : flag;
    }
}
