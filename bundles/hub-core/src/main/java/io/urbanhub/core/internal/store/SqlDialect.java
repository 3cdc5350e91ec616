package io.urbanhub.core.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

/**
 * What differs between the supported databases: two column types, how the entity state is upserted and whether
 * PostGIS is there to test shapes.
 */
enum SqlDialect {
    H2("CHARACTER LARGE OBJECT", "BINARY VARYING(1048576)"),
    POSTGRESQL("TEXT", "BYTEA");

    private final String textType;
    private final String bytesType;

    SqlDialect(String textType, String bytesType) {
        this.textType = textType;
        this.bytesType = bytesType;
    }

    static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new SQLException("Unsupported database " + product + "; use H2 or PostgreSQL");
    }

    /** A condition that the whole of a column matches a regular expression given as parameter. */
    String matchesRegex(String column) {
        return this == POSTGRESQL ? column + " ~ ?" : "REGEXP_LIKE(" + column + ", ?)";
    }

    /** Whether PostGIS is installed in the database; the hub uses it when it is there but never installs it. */
    boolean hasPostgis(Connection connection) throws SQLException {
        if (this != POSTGRESQL) {
            return false;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")) {
            return rows.next();
        }
    }

    /** The values of the schema's placeholders for Flyway. */
    Map<String, String> placeholders() {
        return Map.of("text_type", textType, "bytes_type", bytesType);
    }
}
