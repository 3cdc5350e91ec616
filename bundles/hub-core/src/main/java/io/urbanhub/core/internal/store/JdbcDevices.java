package io.urbanhub.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.spi.Device;

/** The device table; replacing is a delete and an insert in one transaction, alike on H2 and PostgreSQL. */
public final class JdbcDevices {

    /** Rows per round trip, on saving and on reading: a city's hundred thousand devices never sit in one batch. */
    private static final int CHUNK = 1_000;

    private final DataSource dataSource;

    public JdbcDevices(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void save(List<Device> devices) throws SQLException {
        try (Saving saving = saving()) {
            for (Device device : devices) {
                saving.add(device);
            }
            saving.commit();
        }
    }

    /** Saves devices in one transaction, sent in chunks as they come: a file of any length is never held whole. */
    public Saving saving() throws SQLException {
        return new Saving(dataSource.getConnection());
    }

    /** One transaction of saved devices; closed without {@link #commit()}, nothing of it is saved. */
    public static final class Saving implements AutoCloseable {

        private final Connection connection;
        private final PreparedStatement delete;
        private final PreparedStatement insert;
        private final Timestamp now = Timestamp.from(Instant.now());
        private int pending;
        private boolean committed;

        private Saving(Connection connection) throws SQLException {
            this.connection = connection;
            try {
                connection.setAutoCommit(false);
                delete = connection.prepareStatement("DELETE FROM hub_device WHERE device_id = ?");
                insert = connection.prepareStatement("INSERT INTO hub_device (device_id, device_type, tenant, entity_type,"
                        + " local_id, longitude, latitude, name, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        public void add(Device device) throws SQLException {
            delete.setString(1, device.deviceId());
            delete.addBatch();
            insert.setString(1, device.deviceId());
            insert.setString(2, device.deviceType());
            insert.setString(3, device.tenant());
            insert.setString(4, device.entity().type());
            insert.setString(5, device.entity().localId());
            Jdbc.setOrNull(insert, 6, device.location() == null ? null : device.location().longitude(), Types.DOUBLE);
            Jdbc.setOrNull(insert, 7, device.location() == null ? null : device.location().latitude(), Types.DOUBLE);
            Jdbc.setOrNull(insert, 8, device.name(), Types.VARCHAR);
            insert.setTimestamp(9, now);
            insert.addBatch();
            if (++pending == CHUNK) {
                send();
            }
        }

        public void commit() throws SQLException {
            send();
            connection.commit();
            committed = true;
        }

        private void send() throws SQLException {
            delete.executeBatch();
            insert.executeBatch();
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            try (connection; delete; insert) {
                if (!committed) {
                    connection.rollback();
                }
            }
        }
    }

    public boolean delete(String deviceId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM hub_device WHERE device_id = ?")) {
            delete.setString(1, deviceId);
            return delete.executeUpdate() > 0;
        }
    }

    /** Every device in turn, read in chunks (PostgreSQL streams only within a transaction) rather than all at once. */
    public void forEach(Consumer<Device> action) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("SELECT device_id, device_type, tenant, entity_type,"
                    + " local_id, longitude, latitude, name FROM hub_device")) {
                select.setFetchSize(CHUNK);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        double longitude = rows.getDouble(6);
                        GeoPoint location = rows.wasNull() ? null : new GeoPoint(longitude, rows.getDouble(7));
                        action.accept(new Device(rows.getString(1), rows.getString(2),
                                new EntityId(rows.getString(4), rows.getString(3), rows.getString(5)), location, rows.getString(8)));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Changes since a look: the number of devices and the time of the last save, cheap to ask often. */
    public String version() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*), MAX(saved_at) FROM hub_device");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1) + "/" + rows.getTimestamp(2);
        }
    }
}
