package io.urbanhub.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import io.urbanhub.api.admin.DeadLetter;
import io.urbanhub.api.admin.StoredObservation;
import io.urbanhub.api.model.Observation;
import io.urbanhub.api.model.Property;
import io.urbanhub.api.spi.Input;
import io.urbanhub.api.query.Aggregate;
import io.urbanhub.api.query.AttributeValue;
import io.urbanhub.api.query.EntityFilter;
import io.urbanhub.api.query.EntityState;
import io.urbanhub.api.query.GeoNear;
import io.urbanhub.api.query.Page;
import io.urbanhub.api.query.TemporalQueries;
import io.urbanhub.api.query.TimeRange;
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

    public List<StoredObservation> latestObservations(String tenant, String entityId, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT tenant, entity_id, entity_type, attribute, observed_at, value_number,"
                + " value_text, value_boolean, unit_code, source_adapter FROM hub_observation WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        if (tenant != null) {
            sql.append(" AND tenant = ?");
            parameters.add(tenant);
        }
        if (entityId != null) {
            sql.append(" AND entity_id = ?");
            parameters.add(entityId);
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, limit));
        List<StoredObservation> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = prepare(connection, sql.toString(), parameters);
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(new StoredObservation(result.getString(1), result.getString(2), result.getString(3),
                        result.getString(4), result.getTimestamp(5).toInstant(), valueAt(result, 6), result.getString(9),
                        result.getString(10)));
            }
        }
        return rows;
    }

    public List<DeadLetter> deadLetters(String tenant, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, tenant, adapter, source_system, device_id, received_at, reason,"
                + " payload_size, payload FROM hub_dead_letter");
        List<String> parameters = new ArrayList<>();
        if (tenant != null) {
            sql.append(" WHERE tenant = ?");
            parameters.add(tenant);
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, limit));
        List<DeadLetter> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = prepare(connection, sql.toString(), parameters);
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(new DeadLetter(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                        result.getString(5), result.getTimestamp(6).toInstant(), result.getString(7), result.getInt(8),
                        result.getBytes(9)));
            }
        }
        return rows;
    }

    public Optional<EntityState> entity(String tenant, String entityId) throws SQLException {
        Page<EntityState> page = entities(tenant, new EntityFilter(Set.of(), Set.of(entityId), null), 0, 1, false);
        return page.items().stream().findFirst();
    }

    public Page<EntityState> entities(String tenant, EntityFilter filter, int offset, int limit, boolean count)
            throws SQLException {
        StringBuilder where = new StringBuilder(" FROM hub_entity WHERE tenant = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenant));
        appendIn(where, parameters, "entity_type", filter.types());
        appendIn(where, parameters, "entity_id", filter.ids());
        if (filter.idPattern() != null) {
            // anchored, because NGSI-LD matches the whole id
            where.append(" AND ").append(dialect.matchesRegex("entity_id"));
            parameters.add("^(" + filter.idPattern() + ")$");
        }
        if (filter.near() != null) {
            appendNear(where, parameters, filter.near());
        }
        if (!filter.q().isEmpty()) {
            where.append(" AND ").append(QuerySql.condition(filter.q(), parameters));
        }
        List<EntityState> items = new ArrayList<>();
        long total = -1;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement query = prepare(connection, "SELECT entity_id, entity_type, observed_at, entity_json"
                    + where + " ORDER BY entity_id LIMIT " + Math.max(0, limit) + " OFFSET " + Math.max(0, offset), parameters);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(new EntityState(rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                            rows.getString(4)));
                }
            }
            if (count) {
                try (PreparedStatement query = prepare(connection, "SELECT COUNT(*)" + where, parameters);
                     ResultSet rows = query.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
        }
        return new Page<>(items, total);
    }

    public Optional<TemporalQueries.History> history(String tenant, String entityId, Set<String> attributes, TimeRange range,
                                                     int lastN) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String type = entityType(connection, tenant, entityId);
            if (type == null) {
                return Optional.empty();
            }
            Set<String> wanted = attributes.isEmpty() ? attributes(connection, tenant, entityId) : attributes;
            List<AttributeValue> values = new ArrayList<>();
            for (String attribute : new java.util.TreeSet<>(wanted)) {
                StringBuilder sql = new StringBuilder("SELECT observed_at, value_number, value_text, value_boolean, unit_code"
                        + " FROM hub_observation WHERE tenant = ? AND entity_id = ? AND attribute = ?");
                List<Object> parameters = new ArrayList<>(List.of(tenant, entityId, attribute));
                if (range.from() != null) {
                    sql.append(" AND observed_at >= ?");
                    parameters.add(Timestamp.from(range.from()));
                }
                if (range.to() != null) {
                    sql.append(" AND observed_at < ?");
                    parameters.add(Timestamp.from(range.to()));
                }
                sql.append(" ORDER BY observed_at DESC LIMIT ").append(Math.max(1, lastN));
                try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                    for (int i = 0; i < parameters.size(); i++) {
                        query.setObject(i + 1, parameters.get(i));
                    }
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            values.add(new AttributeValue(attribute, rows.getTimestamp(1).toInstant(), valueAt(rows, 2),
                                    rows.getString(5)));
                        }
                    }
                }
            }
            return Optional.of(new TemporalQueries.History(type, values));
        }
    }

    public List<TemporalQueries.EntityValue> valuesOfType(String tenant, String entityType, TimeRange range, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT entity_id, attribute, observed_at, value_number, value_text,"
                + " value_boolean, unit_code FROM hub_observation WHERE tenant = ? AND entity_type = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenant, entityType));
        if (range.from() != null) {
            sql.append(" AND observed_at >= ?");
            parameters.add(Timestamp.from(range.from()));
        }
        if (range.to() != null) {
            sql.append(" AND observed_at < ?");
            parameters.add(Timestamp.from(range.to()));
        }
        sql.append(" ORDER BY observed_at, id LIMIT ").append(Math.max(1, limit));
        List<TemporalQueries.EntityValue> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = prepare(connection, sql.toString(), parameters);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(new TemporalQueries.EntityValue(rows.getString(1), new AttributeValue(rows.getString(2),
                        rows.getTimestamp(3).toInstant(), valueAt(rows, 4), rows.getString(7))));
            }
        }
        return values;
    }

    public Optional<TemporalQueries.Aggregated> aggregate(String tenant, String entityId, Set<String> attributes,
                                                          TimeRange range, Duration period) throws SQLException {
        long seconds = period.getSeconds();
        if (seconds < 1) {
            throw new IllegalArgumentException("The aggregation period must be at least one second");
        }
        long origin = range.from() == null ? 0 : range.from().getEpochSecond();
        // the period index of a value; EXTRACT(EPOCH ...) works alike on H2 and PostgreSQL
        String bucket = "FLOOR((EXTRACT(EPOCH FROM observed_at) - " + origin + ") / " + seconds + ")";
        StringBuilder sql = new StringBuilder("SELECT attribute, " + bucket + " AS bucket, AVG(value_number),"
                + " MIN(value_number), MAX(value_number), SUM(value_number), COUNT(value_number)"
                + " FROM hub_observation WHERE tenant = ? AND entity_id = ? AND value_number IS NOT NULL");
        List<Object> parameters = new ArrayList<>(List.of(tenant, entityId));
        appendIn(sql, parameters, "attribute", attributes);
        if (range.from() != null) {
            sql.append(" AND observed_at >= ?");
            parameters.add(Timestamp.from(range.from()));
        }
        if (range.to() != null) {
            sql.append(" AND observed_at < ?");
            parameters.add(Timestamp.from(range.to()));
        }
        sql.append(" GROUP BY attribute, ").append(bucket).append(" ORDER BY attribute, bucket");
        try (Connection connection = dataSource.getConnection()) {
            String type = entityType(connection, tenant, entityId);
            if (type == null) {
                return Optional.empty();
            }
            List<Aggregate> aggregates = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, sql.toString(), parameters);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant start = Instant.ofEpochSecond(origin + rows.getLong(2) * seconds);
                    aggregates.add(new Aggregate(rows.getString(1), start, start.plus(period), rows.getDouble(3),
                            rows.getDouble(4), rows.getDouble(5), rows.getDouble(6), rows.getLong(7)));
                }
            }
            return Optional.of(new TemporalQueries.Aggregated(type, aggregates));
        }
    }

    private static String entityType(Connection connection, String tenant, String entityId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT entity_type FROM hub_entity WHERE tenant = ? AND entity_id = ?")) {
            query.setString(1, tenant);
            query.setString(2, entityId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static Set<String> attributes(Connection connection, String tenant, String entityId) throws SQLException {
        Set<String> attributes = new java.util.TreeSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT attribute FROM hub_observation WHERE tenant = ? AND entity_id = ?")) {
            query.setString(1, tenant);
            query.setString(2, entityId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    attributes.add(rows.getString(1));
                }
            }
        }
        return attributes;
    }

    public List<String> distinct(String tenant, String column, String table) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT DISTINCT " + column + " FROM " + table
                     + " WHERE tenant = ? ORDER BY " + column)) {
            query.setString(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    /** Great-circle distance (haversine, metres) in plain SQL that H2 and PostgreSQL both run. */
    private static void appendNear(StringBuilder where, List<Object> parameters, GeoNear near) {
        String distance = "(12742000 * ASIN(SQRT(POWER(SIN(RADIANS(latitude - ?) / 2), 2)"
                + " + COS(RADIANS(?)) * COS(RADIANS(latitude)) * POWER(SIN(RADIANS(longitude - ?) / 2), 2))))";
        List<Object> point = List.of(near.point().latitude(), near.point().latitude(), near.point().longitude());
        where.append(" AND latitude IS NOT NULL");
        if (near.maxDistance() != null) {
            where.append(" AND ").append(distance).append(" <= ?");
            parameters.addAll(point);
            parameters.add(near.maxDistance());
        }
        if (near.minDistance() != null) {
            where.append(" AND ").append(distance).append(" >= ?");
            parameters.addAll(point);
            parameters.add(near.minDistance());
        }
    }

    private static void appendIn(StringBuilder where, List<Object> parameters, String column, Set<String> values) {
        if (values.isEmpty()) {
            return;
        }
        where.append(" AND ").append(column).append(" IN (")
                .append(String.join(", ", java.util.Collections.nCopies(values.size(), "?"))).append(')');
        parameters.addAll(values);
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
                    setOrNull(insert, 6, value instanceof Number number ? number.doubleValue() : null, Types.DOUBLE);
                    setOrNull(insert, 7, value instanceof String text ? text : null, Types.VARCHAR);
                    setOrNull(insert, 8, value instanceof Boolean flag ? flag : null, Types.BOOLEAN);
                    setOrNull(insert, 9, property.getValue().unitCode(), Types.VARCHAR);
                    insert.setString(10, observation.source().adapter());
                    setOrNull(insert, 11, observation.source().device(), Types.VARCHAR);
                    setOrNull(insert, 12, input.source().messageId(), Types.VARCHAR);
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
            setOrNull(update, 3, observation.location() == null ? null : observation.location().longitude(), Types.DOUBLE);
            setOrNull(update, 4, observation.location() == null ? null : observation.location().latitude(), Types.DOUBLE);
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
                setOrNull(insert, 5, value instanceof Number number ? number.doubleValue() : null, Types.DOUBLE);
                setOrNull(insert, 6, value instanceof String text ? text : null, Types.VARCHAR);
                setOrNull(insert, 7, value instanceof Boolean flag ? flag : null, Types.BOOLEAN);
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
        setOrNull(statement, 5, observation.location() == null ? null : observation.location().longitude(), Types.DOUBLE);
        setOrNull(statement, 6, observation.location() == null ? null : observation.location().latitude(), Types.DOUBLE);
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

    private static void setOrNull(PreparedStatement statement, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            statement.setObject(index, value, sqlType);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<?> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }

    /** The value stored in the number, text and boolean columns starting at {@code first}. */
    private static Object valueAt(ResultSet result, int first) throws SQLException {
        double number = result.getDouble(first);
        if (!result.wasNull()) {
            return number;
        }
        String text = result.getString(first + 1);
        if (text != null) {
            return text;
        }
        boolean flag = result.getBoolean(first + 2);
        return result.wasNull() ? null : flag;
    }
}
