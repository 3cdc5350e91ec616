package io.urbanhub.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.urbanhub.api.notify.StoredSubscription;

/** The subscriptions table; replacing is a delete and an insert in one transaction, alike on H2 and PostgreSQL. */
public final class JdbcSubscriptions {

    private final DataSource dataSource;

    JdbcSubscriptions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void save(StoredSubscription subscription) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                delete(connection, subscription.tenant(), subscription.id());
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_subscription"
                        + " (tenant, subscription_id, document, saved_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, subscription.tenant());
                    insert.setString(2, subscription.id());
                    insert.setString(3, subscription.document());
                    insert.setTimestamp(4, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    public boolean delete(String tenant, String id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return delete(connection, tenant, id);
        }
    }

    public List<StoredSubscription> all() throws SQLException {
        List<StoredSubscription> all = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT tenant, subscription_id, document FROM hub_subscription ORDER BY tenant, saved_at");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                all.add(new StoredSubscription(rows.getString(1), rows.getString(2), rows.getString(3)));
            }
        }
        return all;
    }

    private static boolean delete(Connection connection, String tenant, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM hub_subscription WHERE tenant = ? AND subscription_id = ?")) {
            delete.setString(1, tenant);
            delete.setString(2, id);
            return delete.executeUpdate() > 0;
        }
    }
}
