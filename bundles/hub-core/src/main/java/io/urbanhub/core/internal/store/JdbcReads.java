package io.urbanhub.core.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.urbanhub.api.admin.DeadLetter;
import io.urbanhub.api.admin.EntitySummary;
import io.urbanhub.api.admin.StoredObservation;
import io.urbanhub.api.query.Aggregate;
import io.urbanhub.api.query.AttributeValue;
import io.urbanhub.api.query.EntityFilter;
import io.urbanhub.api.query.EntityState;
import io.urbanhub.api.query.Page;
import io.urbanhub.api.query.TemporalQueries;
import io.urbanhub.api.query.TimeRange;

/** What the store answers: current state, time series, aggregates, dead letters; every read scoped to a tenant. */
public final class JdbcReads {

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private volatile Boolean postgis;

    JdbcReads(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    public List<StoredObservation> latestObservations(String tenant, String entityId, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT tenant, entity_id, entity_type, attribute, observed_at, value_number,"
                + " value_text, value_boolean, unit_code, source_adapter FROM hub_observation WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        appendEqualIfGiven(sql, parameters, "tenant", tenant);
        appendEqualIfGiven(sql, parameters, "entity_id", entityId);
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, limit));
        List<StoredObservation> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = Jdbc.prepare(connection, sql.toString(), parameters);
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(new StoredObservation(result.getString(1), result.getString(2), result.getString(3),
                        result.getString(4), result.getTimestamp(5).toInstant(), Jdbc.valueAt(result, 6), result.getString(9),
                        result.getString(10)));
            }
        }
        return rows;
    }

    /** Entities by tenant and id, of one tenant and type or all ({@code null}). */
    public List<EntitySummary> entitySummaries(String tenant, String entityType, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT tenant, entity_id, entity_type, observed_at FROM hub_entity WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        appendEqualIfGiven(sql, parameters, "tenant", tenant);
        appendEqualIfGiven(sql, parameters, "entity_type", entityType);
        sql.append(" ORDER BY tenant, entity_id LIMIT ").append(Math.max(1, limit));
        List<EntitySummary> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = Jdbc.prepare(connection, sql.toString(), parameters);
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(new EntitySummary(result.getString(1), result.getString(2), result.getString(3),
                        result.getTimestamp(4).toInstant()));
            }
        }
        return rows;
    }

    public List<DeadLetter> deadLetters(String tenant, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, tenant, adapter, source_system, device_id, received_at, reason,"
                + " payload_size, payload FROM hub_dead_letter WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        appendEqualIfGiven(sql, parameters, "tenant", tenant);
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, limit));
        List<DeadLetter> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = Jdbc.prepare(connection, sql.toString(), parameters);
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.add(deadLetter(result));
            }
        }
        return rows;
    }

    public Optional<DeadLetter> deadLetter(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT id, tenant, adapter, source_system, device_id,"
                     + " received_at, reason, payload_size, payload FROM hub_dead_letter WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.of(deadLetter(result)) : Optional.empty();
            }
        }
    }

    private static DeadLetter deadLetter(ResultSet result) throws SQLException {
        return new DeadLetter(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                result.getString(5), result.getTimestamp(6).toInstant(), result.getString(7), result.getInt(8),
                result.getBytes(9));
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
        if (filter.geo() != null) {
            where.append(" AND ").append(GeoSql.condition(filter.geo(), postgis(), parameters));
        }
        if (!filter.q().isEmpty()) {
            where.append(" AND ").append(QuerySql.condition(filter.q(), parameters));
        }
        List<EntityState> items = new ArrayList<>();
        long total = -1;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement query = Jdbc.prepare(connection, "SELECT entity_id, entity_type, observed_at, entity_json"
                    + where + " ORDER BY entity_id LIMIT " + Math.max(0, limit) + " OFFSET " + Math.max(0, offset), parameters);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(new EntityState(rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                            rows.getString(4)));
                }
            }
            if (count) {
                try (PreparedStatement query = Jdbc.prepare(connection, "SELECT COUNT(*)" + where, parameters);
                     ResultSet rows = query.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
        }
        return new Page<>(items, total);
    }

    /** Whether geo-queries can test shapes with PostGIS; looked up once, on the first geo-query. */
    private boolean postgis() throws SQLException {
        Boolean known = postgis;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = dialect.hasPostgis(connection);
            }
            postgis = known;
        }
        return known;
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
                appendRange(sql, parameters, range);
                sql.append(" ORDER BY observed_at DESC LIMIT ").append(Math.max(1, lastN));
                try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                    for (int i = 0; i < parameters.size(); i++) {
                        query.setObject(i + 1, parameters.get(i));
                    }
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            values.add(new AttributeValue(attribute, rows.getTimestamp(1).toInstant(), Jdbc.valueAt(rows, 2),
                                    rows.getString(5)));
                        }
                    }
                }
            }
            return Optional.of(new TemporalQueries.History(type, values));
        }
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
        appendRange(sql, parameters, range);
        sql.append(" GROUP BY attribute, ").append(bucket).append(" ORDER BY attribute, bucket");
        try (Connection connection = dataSource.getConnection()) {
            String type = entityType(connection, tenant, entityId);
            if (type == null) {
                return Optional.empty();
            }
            List<Aggregate> aggregates = new ArrayList<>();
            try (PreparedStatement query = Jdbc.prepare(connection, sql.toString(), parameters);
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

    public List<TemporalQueries.EntityValue> valuesOfType(String tenant, String entityType, TimeRange range, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT entity_id, attribute, observed_at, value_number, value_text,"
                + " value_boolean, unit_code FROM hub_observation WHERE tenant = ? AND entity_type = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenant, entityType));
        appendRange(sql, parameters, range);
        sql.append(" ORDER BY observed_at, id LIMIT ").append(Math.max(1, limit));
        List<TemporalQueries.EntityValue> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = Jdbc.prepare(connection, sql.toString(), parameters);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(new TemporalQueries.EntityValue(rows.getString(1), new AttributeValue(rows.getString(2),
                        rows.getTimestamp(3).toInstant(), Jdbc.valueAt(rows, 4), rows.getString(7))));
            }
        }
        return values;
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

    /** Restricts observed_at to the range; open bounds add nothing. */
    private static void appendRange(StringBuilder sql, List<Object> parameters, TimeRange range) {
        if (range.from() != null) {
            sql.append(" AND observed_at >= ?");
            parameters.add(Timestamp.from(range.from()));
        }
        if (range.to() != null) {
            sql.append(" AND observed_at < ?");
            parameters.add(Timestamp.from(range.to()));
        }
    }

    private static void appendEqualIfGiven(StringBuilder sql, List<Object> parameters, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
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
}
