package io.urbanhub.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;
import io.urbanhub.core.internal.NgsiLdJson;

/**
 * The store behind a JDBC DataSource (H2 or PostgreSQL): the entity state, the time series, the
 * de-duplication keys and the dead letters. Each input is one transaction.
 */
public final class JdbcStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final Duration dedupWindow;

    private JdbcStore(DataSource dataSource, SqlDialect dialect, Duration dedupWindow) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.dedupWindow = dedupWindow;
    }

    /**
     * Brings the schema up to date with Flyway and opens the store.
     *
     * @param dedupWindow how long a message id stays claimed; LoRaWAN frame counters restart after a rejoin
     */
    public static JdbcStore open(DataSource dataSource, Duration dedupWindow) throws SQLException {
        SqlDialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = SqlDialect.of(connection);
        }
        Flyway.configure(JdbcStore.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(dialect.placeholders())
                .table("hub_schema_history")
                .load()
                .migrate();
        return new JdbcStore(dataSource, dialect, dedupWindow);
    }

    /** The reads on the same store. */
    public JdbcReads reads() {
        return new JdbcReads(dataSource, dialect);
    }

    public Receipt store(Input input, List<Observation> observations) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!claim(connection, input)) {
                    connection.rollback();
                    return Receipt.DUPLICATE;
                }
                insertObservations(connection, input, observations);
                for (Observation newest : newestPerEntity(observations)) {
                    if (upsertEntity(connection, newest)) {
                        replaceCurrentValues(connection, newest);
                    }
                }
                connection.commit();
                return Receipt.STORED;
            } catch (SQLException e) {
                connection.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return Receipt.DUPLICATE;
                }
                throw e;
            }
        }
    }

    public void deadLetter(Input input, String reason, int maxPayloadBytes) throws SQLException {
        byte[] payload = input.payload();
        byte[] kept = payload.length > maxPayloadBytes ? Arrays.copyOf(payload, maxPayloadBytes) : payload;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_dead_letter"
                     + " (tenant, adapter, source_system, device_id, message_id, received_at, reason, payload_size, payload)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, input.tenant());
            insert.setString(2, input.source().adapter());
            insert.setString(3, input.source().system());
            insert.setString(4, input.source().device());
            insert.setString(5, input.source().messageId());
            insert.setTimestamp(6, Timestamp.from(input.receivedAt()));
            insert.setString(7, reason.length() > 2048 ? reason.substring(0, 2048) : reason);
            insert.setInt(8, payload.length);
            insert.setBytes(9, kept);
            insert.executeUpdate();
        }
    }

    /** Claims the input's message id; false when it was claimed within the window before. */
    private boolean claim(Connection connection, Input input) throws SQLException {
        if (input.source().messageId() == null || input.source().device() == null) {
            return true;
        }
        Timestamp now = Timestamp.from(input.receivedAt());
        try (PreparedStatement reuse = connection.prepareStatement("UPDATE hub_input SET received_at = ?"
                + " WHERE tenant = ? AND source_system = ? AND device_id = ? AND message_id = ? AND received_at < ?")) {
            reuse.setTimestamp(1, now);
            setKey(reuse, 2, input);
            reuse.setTimestamp(6, Timestamp.from(input.receivedAt().minus(dedupWindow)));
            if (reuse.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_input"
                + " (tenant, source_system, device_id, message_id, received_at) VALUES (?, ?, ?, ?, ?)")) {
            setKey(insert, 1, input);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static void setKey(PreparedStatement statement, int first, Input input) throws SQLException {
        statement.setString(first, input.tenant());
        statement.setString(first + 1, input.source().system());
        statement.setString(first + 2, input.source().device());
        statement.setString(first + 3, input.source().messageId());
    }

    private static void insertObservations(Connection connection, Input input, List<Observation> observations)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_observation (tenant, entity_id,"
                + " entity_type, attribute, observed_at, value_number, value_text, value_boolean, unit_code,"
                + " source_adapter, source_device, message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Observation observation : observations) {
                for (Map.Entry<String, Property> property : observation.properties().entrySet()) {
                    Object value = property.getValue().value();
                    insert.setString(1, observation.tenant());
                    insert.setString(2, observation.entity().urn());
                    insert.setString(3, observation.entity().type());
                    insert.setString(4, property.getKey());
                    insert.setTimestamp(5, Timestamp.from(observation.observedAt()));
                    Jdbc.setValue(insert, 6, value);
                    Jdbc.setOrNull(insert, 9, property.getValue().unitCode(), Types.VARCHAR);
                    insert.setString(10, observation.source().adapter());
                    Jdbc.setOrNull(insert, 11, observation.source().device(), Types.VARCHAR);
                    Jdbc.setOrNull(insert, 12, input.source().messageId(), Types.VARCHAR);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Makes the observation the entity's state unless a newer one is stored; true when it did. */
    private boolean upsertEntity(Connection connection, Observation observation) throws SQLException {
        String json = NgsiLdJson.entity(observation);
        if (dialect == SqlDialect.POSTGRESQL) {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO hub_entity (tenant, entity_id,"
                    + " entity_type, observed_at, longitude, latitude, entity_json) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (tenant, entity_id) DO UPDATE SET entity_type = EXCLUDED.entity_type,"
                    + " observed_at = EXCLUDED.observed_at, longitude = EXCLUDED.longitude, latitude = EXCLUDED.latitude,"
                    + " entity_json = EXCLUDED.entity_json WHERE hub_entity.observed_at <= EXCLUDED.observed_at")) {
                setEntity(upsert, observation, json);
                return upsert.executeUpdate() == 1;
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE hub_entity SET entity_type = ?,"
                + " observed_at = ?, longitude = ?, latitude = ?, entity_json = ?"
                + " WHERE tenant = ? AND entity_id = ? AND observed_at <= ?")) {
            update.setString(1, observation.entity().type());
            update.setTimestamp(2, Timestamp.from(observation.observedAt()));
            Jdbc.setOrNull(update, 3, observation.location() == null ? null : observation.location().longitude(), Types.DOUBLE);
            Jdbc.setOrNull(update, 4, observation.location() == null ? null : observation.location().latitude(), Types.DOUBLE);
            update.setString(5, json);
            update.setString(6, observation.tenant());
            update.setString(7, observation.entity().urn());
            update.setTimestamp(8, Timestamp.from(observation.observedAt()));
            if (update.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_entity (tenant, entity_id,"
                + " entity_type, observed_at, longitude, latitude, entity_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            setEntity(insert, observation, json);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            // a newer state of the entity is stored already; H2 keeps the transaction usable
            return false;
        }
    }

    private static void replaceCurrentValues(Connection connection, Observation observation) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM hub_entity_attribute WHERE tenant = ? AND entity_id = ?")) {
            delete.setString(1, observation.tenant());
            delete.setString(2, observation.entity().urn());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_entity_attribute (tenant, entity_id,"
                + " attribute, observed_at, value_number, value_text, value_boolean) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Property> property : observation.properties().entrySet()) {
                Object value = property.getValue().value();
                insert.setString(1, observation.tenant());
                insert.setString(2, observation.entity().urn());
                insert.setString(3, property.getKey());
                insert.setTimestamp(4, Timestamp.from(observation.observedAt()));
                Jdbc.setValue(insert, 5, value);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setEntity(PreparedStatement statement, Observation observation, String json) throws SQLException {
        statement.setString(1, observation.tenant());
        statement.setString(2, observation.entity().urn());
        statement.setString(3, observation.entity().type());
        statement.setTimestamp(4, Timestamp.from(observation.observedAt()));
        Jdbc.setOrNull(statement, 5, observation.location() == null ? null : observation.location().longitude(), Types.DOUBLE);
        Jdbc.setOrNull(statement, 6, observation.location() == null ? null : observation.location().latitude(), Types.DOUBLE);
        statement.setString(7, json);
    }

    private static List<Observation> newestPerEntity(List<Observation> observations) {
        Map<String, Observation> newest = new LinkedHashMap<>();
        for (Observation observation : observations) {
            newest.merge(observation.entity().urn(), observation,
                    (a, b) -> b.observedAt().isBefore(a.observedAt()) ? a : b);
        }
        return List.copyOf(newest.values());
    }

}
