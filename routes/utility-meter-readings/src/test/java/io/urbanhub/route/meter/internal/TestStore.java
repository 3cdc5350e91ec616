package io.urbanhub.route.meter.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;

import io.urbanhub.core.internal.store.JdbcStore;

/** A real store in a fresh in-memory H2 database, and what the tests wait for and count in it. */
final class TestStore {

    interface Check {
        boolean holds() throws Exception;
    }

    final JdbcDataSource database = new JdbcDataSource();
    final JdbcStore store;

    TestStore() throws Exception {
        database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        store = JdbcStore.open(database, Duration.ofHours(24));
    }

    long observations(String tenant) throws Exception {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM hub_observation WHERE tenant = '" + tenant + "'")) {
            result.next();
            return result.getLong(1);
        }
    }

    static void awaitTrue(Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited in vain");
            }
            Thread.sleep(100);
        }
    }
}
