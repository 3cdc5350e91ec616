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

import io.urbanhub.api.admin.Tenant;

/** The tenant table; replacing is a delete and an insert in one transaction, alike on H2 and PostgreSQL. */
public final class JdbcTenants {

    private final DataSource dataSource;

    public JdbcTenants(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void save(Tenant tenant) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM hub_tenant WHERE tenant = ?");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO hub_tenant (tenant, name, ags, contact, saved_at) VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, tenant.id());
                delete.executeUpdate();
                insert.setString(1, tenant.id());
                insert.setString(2, tenant.name());
                insert.setString(3, tenant.ags());
                insert.setString(4, tenant.contact());
                insert.setTimestamp(5, Timestamp.from(Instant.now()));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    public boolean delete(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM hub_tenant WHERE tenant = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() > 0;
        }
    }

    public List<Tenant> all() throws SQLException {
        List<Tenant> tenants = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT tenant, name, ags, contact FROM hub_tenant ORDER BY tenant");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tenants.add(new Tenant(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        return tenants;
    }
}
