package io.urbanhub.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import io.urbanhub.api.model.Observation;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.spi.Receipt;

/**
 * The store behind a JDBC DataSource (H2 or PostgreSQL): the entity state, the time series, the
 * de-duplication keys and the dead letters. A batch of inputs is one transaction.
 */
public final class JdbcStore {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final BatchWrites writes;

    private JdbcStore(DataSource dataSource, SqlDialect dialect, Duration dedupWindow) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.writes = dialect == SqlDialect.POSTGRESQL ? new PostgresArrayWrites(dedupWindow) : new StatementBatchWrites(dedupWindow);
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
                .javaMigrations(new V5__Current_values_updated_in_place())
                .load()
                .migrate();
        return new JdbcStore(dataSource, dialect, dedupWindow);
    }

    /**
     * How many transactions may write at once: as wanted on PostgreSQL, whose upserts settle concurrent
     * claims of one key; one on H2, whose claims rely on a key violation inside the transaction.
     */
    public int writerThreads(int wanted) {
        return dialect == SqlDialect.POSTGRESQL ? Math.max(1, wanted) : 1;
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
     * Stores several inputs in one transaction; the receipts come in the order of the writes. A message id
     * seen twice in the batch is stored once.
     */
    public List<Receipt> store(List<Write> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean[] fresh = writes.claim(connection, batch);
                List<Receipt> receipts = new ArrayList<>(batch.size());
                List<Write> stored = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    receipts.add(fresh[i] ? Receipt.STORED : Receipt.DUPLICATE);
                    if (fresh[i]) {
                        stored.add(batch.get(i));
                    }
                }
                writes.insertObservations(connection, stored);
                writes.replaceCurrentValues(connection, writes.upsertEntities(connection, newestPerEntity(stored)));
                connection.commit();
                return receipts;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    public boolean removeDeadLetter(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM hub_dead_letter WHERE id = ?")) {
            delete.setLong(1, id);
            return delete.executeUpdate() > 0;
        }
    }

    /** Removes the dead letters received before the given time, of one tenant or all ({@code null}). */
    public int purgeDeadLetters(Instant receivedBefore, String tenant) throws SQLException {
        String sql = "DELETE FROM hub_dead_letter WHERE received_at < ?" + (tenant == null ? "" : " AND tenant = ?");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setTimestamp(1, Timestamp.from(receivedBefore));
            if (tenant != null) {
                delete.setString(2, tenant);
            }
            return delete.executeUpdate();
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
