package io.urbanhub.core.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What differs between the supported databases: only how the entity state is upserted. */
enum SqlDialect {
    H2,
    POSTGRESQL;

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

    /** Flyway's vendor folder of the migrations. */
    String migrationFolder() {
        return name().toLowerCase(Locale.ROOT);
    }
}
