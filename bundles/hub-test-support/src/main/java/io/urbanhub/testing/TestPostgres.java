package io.urbanhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL database of its own for one test: a fresh database on the local server at
 * 127.0.0.1:5432 (trust authentication) when it listens, otherwise an embedded PostgreSQL. The
 * database is dropped on close.
 */
public final class TestPostgres implements AutoCloseable {

    public static final int LOCAL_PORT = 5432;
    private static final String ADMIN_USER = "postgres";

    private final int port;
    private final String database;
    private final EmbeddedPostgres embedded;

    private TestPostgres(int port, String database, EmbeddedPostgres embedded) {
        this.port = port;
        this.database = database;
        this.embedded = embedded;
    }

    public static TestPostgres start() {
        EmbeddedPostgres embedded = null;
        int port = LOCAL_PORT;
        if (!LocalService.listens(LOCAL_PORT)) {
            try {
                embedded = EmbeddedPostgres.builder().setPort(LocalService.freePort()).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            port = embedded.getPort();
        }
        String database = "urbanhub_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        TestPostgres postgres = new TestPostgres(port, database, embedded);
        postgres.admin("CREATE DATABASE " + database);
        return postgres;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return ADMIN_USER;
    }

    public String password() {
        return "";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username(), password());
    }

    /** The one number a query answers for one string parameter, e.g. the rows of a tenant. */
    public long count(String sql, String parameter) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * Waits while the count grows, until it reaches {@code expected} or has stood still for {@code idle}, as a store
     * catching up with a backlog does; the last count.
     */
    public long awaitCount(String sql, String parameter, long expected, Duration idle)
            throws SQLException, InterruptedException {
        long counted = 0;
        long lastGrowth = System.nanoTime();
        while (counted < expected && System.nanoTime() - lastGrowth < idle.toNanos()) {
            Thread.sleep(200);
            long now = count(sql, parameter);
            if (now > counted) {
                counted = now;
                lastGrowth = System.nanoTime();
            }
        }
        return counted;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        try {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } finally {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void admin(String sql) {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, ADMIN_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused: " + sql, e);
        }
    }
}
