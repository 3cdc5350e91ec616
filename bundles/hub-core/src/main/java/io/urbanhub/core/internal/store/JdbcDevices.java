package io.urbanhub.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.urbanhub.api.model.EntityId;
import io.urbanhub.api.model.GeoPoint;
import io.urbanhub.api.spi.Device;

/** The device table; replacing is a delete and an insert in one transaction, alike on H2 and PostgreSQL. */
public final class JdbcDevices {

    private final DataSource dataSource;

    public JdbcDevices(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void save(List<Device> devices) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM hub_device WHERE device_id = ?");
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_device (device_id, device_type,"
                         + " tenant, entity_type, local_id, longitude, latitude, name, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (Device device : devices) {
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
                }
                delete.executeBatch();
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
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

    public List<Device> all() throws SQLException {
        List<Device> devices = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT device_id, device_type, tenant, entity_type,"
                     + " local_id, longitude, latitude, name FROM hub_device");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                double longitude = rows.getDouble(6);
                GeoPoint location = rows.wasNull() ? null : new GeoPoint(longitude, rows.getDouble(7));
                devices.add(new Device(rows.getString(1), rows.getString(2),
                        new EntityId(rows.getString(4), rows.getString(3), rows.getString(5)), location, rows.getString(8)));
            }
        }
        return devices;
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
