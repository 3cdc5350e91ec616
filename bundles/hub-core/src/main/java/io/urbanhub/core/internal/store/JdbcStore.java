package io.urbanhub.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
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
 * de-duplication keys and the dead letters. A batch of inputs is one transaction.
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

    /** The subscriptions kept in the same store. */
    public JdbcSubscriptions subscriptions() {
        return new JdbcSubscriptions(dataSource);
    }

    /** The reads on the same store. */
    public JdbcReads reads() {
        return new JdbcReads(dataSource, dialect);
    }

    /** Stores one input in a transaction of its own. */
    public Receipt store(Input input, List<Observation> observations) throws SQLException {
        return store(List.of(new Write(input, observations))).get(0);
    }

    /**
     * Stores several inputs in one transaction, with one statement batch per table; the receipts come in
     * the order of the writes. A message id seen twice in the batch is stored once.
     */
    public List<Receipt> store(List<Write> writes) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean[] fresh = dialect == SqlDialect.POSTGRESQL ? claimBatched(connection, writes) : claimEach(connection, writes);
                List<Receipt> receipts = new ArrayList<>(writes.size());
                List<Write> stored = new ArrayList<>(writes.size());
                for (int i = 0; i < writes.size(); i++) {
                    receipts.add(fresh[i] ? Receipt.STORED : Receipt.DUPLICATE);
                    if (fresh[i]) {
                        stored.add(writes.get(i));
                    }
                }
                insertObservations(connection, stored);
                replaceCurrentValues(connection, upsertEntities(connection, newestPerEntity(stored)));
                connection.commit();
                return receipts;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
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

    private static boolean hasMessageId(Input input) {
        return input.source().messageId() != null && input.source().device() != null;
    }

    /** Claims every write's message id in one batch; a claim older than the window is taken over. */
    private boolean[] claimBatched(Connection connection, List<Write> writes) throws SQLException {
        boolean[] fresh = new boolean[writes.size()];
        List<Integer> claimed = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement("INSERT INTO hub_input"
                + " (tenant, source_system, device_id, message_id, received_at) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (tenant, source_system, device_id, message_id) DO UPDATE"
                + " SET received_at = EXCLUDED.received_at WHERE hub_input.received_at < ?")) {
            for (int i = 0; i < writes.size(); i++) {
                Input input = writes.get(i).input();
                if (!hasMessageId(input)) {
                    fresh[i] = true;
                    continue;
                }
                setKey(claim, 1, input);
                claim.setTimestamp(5, Timestamp.from(input.receivedAt()));
                claim.setTimestamp(6, Timestamp.from(input.receivedAt().minus(dedupWindow)));
                claim.addBatch();
                claimed.add(i);
            }
            if (!claimed.isEmpty()) {
                int[] counts = claim.executeBatch();
                for (int k = 0; k < counts.length; k++) {
                    fresh[claimed.get(k)] = counts[k] == 1;
                }
            }
        }
        return fresh;
    }

    /** Claims message ids one by one: H2 has no conditional upsert, and keeps a transaction usable after a key violation. */
    private boolean[] claimEach(Connection connection, List<Write> writes) throws SQLException {
        boolean[] fresh = new boolean[writes.size()];
        try (PreparedStatement reuse = connection.prepareStatement("UPDATE hub_input SET received_at = ?"
                + " WHERE tenant = ? AND source_system = ? AND device_id = ? AND message_id = ? AND received_at < ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO hub_input"
                     + " (tenant, source_system, device_id, message_id, received_at) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < writes.size(); i++) {
                Input input = writes.get(i).input();
                fresh[i] = !hasMessageId(input) || claim(reuse, insert, input);
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

    private static void insertObservations(Connection connection, List<Write> writes) throws SQLException {
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

    /** Makes each observation its entity's state unless a newer one is stored; returns those that did. */
    private List<Observation> upsertEntities(Connection connection, List<Observation> newest) throws SQLException {
        if (dialect != SqlDialect.POSTGRESQL) {
            List<Observation> updated = new ArrayList<>();
            for (Observation observation : newest) {
                if (upsertEntity(connection, observation)) {
                    updated.add(observation);
                }
            }
            return updated;
        }
        if (newest.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO hub_entity (tenant, entity_id,"
                + " entity_type, observed_at, longitude, latitude, entity_json) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (tenant, entity_id) DO UPDATE SET entity_type = EXCLUDED.entity_type,"
                + " observed_at = EXCLUDED.observed_at, longitude = EXCLUDED.longitude, latitude = EXCLUDED.latitude,"
                + " entity_json = EXCLUDED.entity_json WHERE hub_entity.observed_at <= EXCLUDED.observed_at")) {
            for (Observation observation : newest) {
                setEntity(upsert, observation, NgsiLdJson.entity(observation));
                upsert.addBatch();
            }
            int[] counts = upsert.executeBatch();
            List<Observation> updated = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    updated.add(newest.get(i));
                }
            }
            return updated;
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

    private static void replaceCurrentValues(Connection connection, List<Observation> states) throws SQLException {
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

    private static List<Observation> newestPerEntity(List<Write> writes) {
        Map<String, Observation> newest = new LinkedHashMap<>();
        for (Write write : writes) {
            for (Observation observation : write.observations()) {
                newest.merge(observation.tenant() + '\n' + observation.entity().urn(), observation,
                        (a, b) -> b.observedAt().isBefore(a.observedAt()) ? a : b);
            }
        }
        return List.copyOf(newest.values());
    }
}
