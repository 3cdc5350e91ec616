package io.urbanhub.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.spi.Input;
import io.urbanhub.core.internal.NgsiLdJson;

/**
 * The writes in plain SQL, one statement per row in JDBC batches: what H2 (the embedded default) runs.
 * H2 has no conditional upsert, and keeps a transaction usable after a key violation.
 */
final class StatementBatchWrites implements BatchWrites {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Duration dedupWindow;

    StatementBatchWrites(Duration dedupWindow) {
        this.dedupWindow = dedupWindow;
    }

    /** Claims message ids one by one. */
    @Override
    public boolean[] claim(Connection connection, List<Write> writes) throws SQLException {
        boolean[] fresh = new boolean[writes.size()];
        try (PreparedStatement reuse = connection.prepareStatement("UPDATE hub_input SET received_at = ?"
                + " WHERE tenant = ? AND source_system = ? AND device_id = ? AND message_id = ? AND received_at < ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_input"
                     + " (tenant, source_system, device_id, message_id, received_at) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < writes.size(); i++) {
                Input input = writes.get(i).input();
                fresh[i] = !BatchWrites.hasMessageId(input) || claim(reuse, insert, input);
            }
        }
        return fresh;
    }

    private boolean claim(PreparedStatement reuse, PreparedStatement insert, Input input) throws SQLException {
        Timestamp now = Timestamp.from(input.receivedAt());
        reuse.setTimestamp(1, now);
        setKey(reuse, 2, input);
        reuse.setTimestamp(6, Timestamp.from(input.receivedAt().minus(dedupWindow)));
        if (reuse.executeUpdate() == 1) {
            return true;
        }
        setKey(insert, 1, input);
        insert.setTimestamp(5, now);
        try {
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

    @Override
    public void insertObservations(Connection connection, List<Write> writes) throws SQLException {
        if (writes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_observation (tenant, entity_id,"
                + " entity_type, attribute, observed_at, value_number, value_text, value_boolean, unit_code,"
                + " source_adapter, source_device, message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Write write : writes) {
                for (Observation observation : write.observations()) {
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
                        Jdbc.setOrNull(insert, 12, write.input().source().messageId(), Types.VARCHAR);
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }

    /** H2: makes the observation the entity's state unless a newer one is stored; true when it did. */
    private static boolean upsertEntity(Connection connection, Observation observation) throws SQLException {
        String json = NgsiLdJson.entity(observation);
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

    @Override
    public void replaceCurrentValues(Connection connection, List<Observation> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM hub_entity_attribute WHERE tenant = ? AND entity_id = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_entity_attribute (tenant, entity_id,"
                     + " attribute, observed_at, value_number, value_text, value_boolean) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Observation observation : states) {
                delete.setString(1, observation.tenant());
                delete.setString(2, observation.entity().urn());
                delete.addBatch();
                for (Map.Entry<String, Property> property : observation.properties().entrySet()) {
                    insert.setString(1, observation.tenant());
                    insert.setString(2, observation.entity().urn());
                    insert.setString(3, property.getKey());
                    insert.setTimestamp(4, Timestamp.from(observation.observedAt()));
                    Jdbc.setValue(insert, 5, property.getValue().value());
                    insert.addBatch();
                }
            }
            delete.executeBatch();
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
    @Override
    public List<Observation> upsertEntities(Connection connection, List<Observation> newest) throws SQLException {
        List<Observation> updated = new ArrayList<>();
        for (Observation observation : newest) {
            if (upsertEntity(connection, observation)) {
                updated.add(observation);
            }
        }
        return updated;
    }
}
